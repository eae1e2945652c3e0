// The words of the alerts' mails and pages, per language (en, km, fr; the widgets' languages). The case
// statuses say what the widgets' badges say (xliff/km.xlf, xliff/fr.xlf), so a reader sees one wording.
import type { Language } from '../mail/texts.js';

export interface AlertTexts {
  greeting: string;
  confirmSubject: string;
  /** The link goes after it. */
  confirmIntro: string;
  confirmButton: string;
  /** {days} */
  confirmOutro: string;
  knownSubject: string;
  knownBody: string;
  /** {name} */
  alertSubject: string;
  alertIntro: string;
  status: string;
  /** Between a label and its value: Khmer writes ៖, French puts a space before the colon. */
  colon: string;
  statuses: Record<string, string>;
  letterHeading: string;
  letterTo: string;
  letterSubject: string;
  writeLetter: string;
  unsubscribe: string;
  /** The unsubscribe page. */
  pageTitle: string;
  pagePrompt: string;
  pageButton: string;
  pageDone: string;
  /** The confirmation page (../confirm/page.ts) for a subscription. */
  confirmPageTitle: string;
  confirmPagePending: string;
  confirmPageDone: string;
  /** An expired or unknown subscription link (the pledges' page says "pledge again"). */
  confirmPageInvalid: string;
}

export const ALERT_TEXTS: Record<Language, AlertTexts> = {
  en: {
    greeting: 'Hello,',
    confirmSubject: 'Please confirm your subscription to urgent actions',
    confirmIntro:
      'Someone, we hope you, asked to receive urgent-action alerts about people whose cases need action at this e-mail address. To confirm, open this link and press the button on the page:',
    confirmButton: 'Confirm my subscription',
    confirmOutro:
      'The link is valid for {days} days. If this was not you, do nothing: the request will be deleted.',
    knownSubject: 'You are already subscribed',
    knownBody:
      'Someone, we hope you, asked again to receive urgent-action alerts at this e-mail address. You are already subscribed: nothing has changed. Every alert has a link to unsubscribe. If this was not you, you need do nothing.',
    alertSubject: 'Urgent action: {name}',
    alertIntro: 'A case needs your action now.',
    status: 'Status',
    colon: ': ',
    statuses: {
      detained: 'Detained',
      'house-arrest': 'Under house arrest',
      'in-exile': 'In exile',
      'convicted-in-absentia': 'Convicted in absentia',
      released: 'Released',
      deceased: 'Deceased',
    },
    letterHeading: 'The letter',
    letterTo: 'To',
    letterSubject: 'Subject',
    writeLetter: 'Write the letter',
    unsubscribe: 'To stop receiving these alerts, unsubscribe here:',
    pageTitle: 'Unsubscribe from urgent actions',
    pagePrompt: 'Press the button to stop receiving urgent-action alerts at this address.',
    pageButton: 'Unsubscribe',
    pageDone:
      'You are unsubscribed: you will receive no more urgent-action alerts, and your address is erased.',
    confirmPageTitle: 'Confirm your subscription',
    confirmPagePending: 'Press the button to confirm your subscription to urgent-action alerts.',
    confirmPageDone:
      'Thank you: your subscription is confirmed. You will receive an e-mail when a case needs action.',
    confirmPageInvalid:
      'This link is not valid any more: it may have expired. You can subscribe to urgent-action alerts again on the page where you first signed up.',
  },
  km: {
    greeting: 'សួស្តី,',
    confirmSubject: 'សូមបញ្ជាក់ការចុះឈ្មោះទទួលសកម្មភាពបន្ទាន់',
    confirmIntro:
      'មាននរណាម្នាក់ (យើងសង្ឃឹមថាជាអ្នក) បានស្នើសុំទទួលការជូនដំណឹងអំពីសកម្មភាពបន្ទាន់ សម្រាប់ករណីដែលត្រូវការសកម្មភាព តាមអាសយដ្ឋានអ៊ីមែលនេះ។ ដើម្បីបញ្ជាក់ សូមបើកតំណនេះ ហើយចុចប៊ូតុងនៅលើទំព័រ៖',
    confirmButton: 'បញ្ជាក់ការចុះឈ្មោះរបស់ខ្ញុំ',
    confirmOutro: 'តំណនេះមានសុពលភាព {days} ថ្ងៃ។ ប្រសិនបើមិនមែនជាអ្នកទេ សូមកុំធ្វើអ្វីទាំងអស់៖ សំណើនេះនឹងត្រូវលុបចោល។',
    knownSubject: 'អ្នកបានចុះឈ្មោះរួចហើយ',
    knownBody:
      'មាននរណាម្នាក់ (យើងសង្ឃឹមថាជាអ្នក) បានស្នើសុំម្តងទៀត ដើម្បីទទួលការជូនដំណឹងអំពីសកម្មភាពបន្ទាន់ តាមអាសយដ្ឋានអ៊ីមែលនេះ។ អ្នកបានចុះឈ្មោះរួចហើយ៖ គ្មានអ្វីផ្លាស់ប្តូរទេ។ ការជូនដំណឹងនីមួយៗមានតំណសម្រាប់ឈប់ទទួល។ ប្រសិនបើមិនមែនជាអ្នកទេ អ្នកមិនចាំបាច់ធ្វើអ្វីទេ។',
    alertSubject: 'សកម្មភាពបន្ទាន់៖ {name}',
    alertIntro: 'ករណីមួយត្រូវការសកម្មភាពរបស់អ្នកឥឡូវនេះ។',
    status: 'ស្ថានភាព',
    colon: '៖ ',
    statuses: {
      detained: 'ជាប់ឃុំ',
      'house-arrest': 'ជាប់ឃុំខ្លួនក្នុងផ្ទះ',
      'in-exile': 'និរទេសខ្លួន',
      'convicted-in-absentia': 'ត្រូវបានផ្ដន្ទាទោសកំបាំងមុខ',
      released: 'ត្រូវបានដោះលែង',
      deceased: 'បានទទួលមរណភាព',
    },
    letterHeading: 'លិខិត',
    letterTo: 'ផ្ញើទៅ',
    letterSubject: 'ប្រធានបទ',
    writeLetter: 'សរសេរលិខិត',
    unsubscribe: 'ដើម្បីឈប់ទទួលការជូនដំណឹងទាំងនេះ សូមចុចឈប់ទទួលនៅទីនេះ៖',
    pageTitle: 'ឈប់ទទួលសកម្មភាពបន្ទាន់',
    pagePrompt: 'សូមចុចប៊ូតុង ដើម្បីឈប់ទទួលការជូនដំណឹងអំពីសកម្មភាពបន្ទាន់ តាមអាសយដ្ឋាននេះ។',
    pageButton: 'ឈប់ទទួល',
    pageDone: 'អ្នកបានឈប់ទទួលហើយ៖ អ្នកនឹងលែងទទួលការជូនដំណឹងអំពីសកម្មភាពបន្ទាន់ទៀតហើយ ហើយអាសយដ្ឋានរបស់អ្នកត្រូវបានលុបចោល។',
    confirmPageTitle: 'បញ្ជាក់ការចុះឈ្មោះរបស់អ្នក',
    confirmPagePending: 'សូមចុចប៊ូតុង ដើម្បីបញ្ជាក់ការចុះឈ្មោះទទួលការជូនដំណឹងអំពីសកម្មភាពបន្ទាន់។',
    confirmPageDone: 'សូមអរគុណ៖ ការចុះឈ្មោះរបស់អ្នកត្រូវបានបញ្ជាក់ហើយ។ អ្នកនឹងទទួលបានអ៊ីមែល នៅពេលដែលករណីណាមួយត្រូវការសកម្មភាព។',
    confirmPageInvalid:
      'តំណនេះលែងមានសុពលភាពទៀតហើយ៖ វាប្រហែលជាផុតកំណត់ហើយ។ អ្នកអាចចុះឈ្មោះទទួលការជូនដំណឹងអំពីសកម្មភាពបន្ទាន់ម្តងទៀត នៅលើទំព័រដែលអ្នកបានចុះឈ្មោះលើកមុន។',
  },
  fr: {
    greeting: 'Bonjour,',
    confirmSubject: 'Merci de confirmer votre inscription aux actions urgentes',
    confirmIntro:
      'Quelqu’un, vous nous l’espérons, a demandé à recevoir à cette adresse e-mail les alertes d’action urgente sur les cas qui demandent une action. Pour confirmer, ouvrez ce lien et appuyez sur le bouton de la page :',
    confirmButton: 'Je confirme mon inscription',
    confirmOutro:
      'Le lien est valable {days} jours. Si ce n’était pas vous, ne faites rien : la demande sera supprimée.',
    knownSubject: 'Votre inscription existe déjà',
    knownBody:
      'Quelqu’un, vous nous l’espérons, a de nouveau demandé à recevoir les alertes d’action urgente à cette adresse e-mail. Votre inscription existe déjà : rien n’a changé. Chaque alerte contient un lien de désinscription. Si ce n’était pas vous, vous n’avez rien à faire.',
    alertSubject: 'Action urgente : {name}',
    alertIntro: 'Un cas demande votre action dès maintenant.',
    status: 'Statut',
    colon: '\u202F: ',
    statuses: {
      detained: 'En détention',
      'house-arrest': 'Assignation à résidence',
      'in-exile': 'En exil',
      'convicted-in-absentia': 'Condamnation par contumace',
      released: 'En liberté',
      deceased: 'Décès',
    },
    letterHeading: 'La lettre',
    letterTo: 'À',
    letterSubject: 'Objet',
    writeLetter: 'Écrire la lettre',
    unsubscribe: 'Pour ne plus recevoir ces alertes, désinscrivez-vous ici :',
    pageTitle: 'Se désinscrire des actions urgentes',
    pagePrompt: 'Appuyez sur le bouton pour ne plus recevoir d’alertes d’action urgente à cette adresse.',
    pageButton: 'Me désinscrire',
    pageDone:
      'Vous êtes désinscrit : vous ne recevrez plus d’alertes d’action urgente, et votre adresse est effacée.',
    confirmPageTitle: 'Confirmez votre inscription',
    confirmPagePending:
      'Appuyez sur le bouton pour confirmer votre inscription aux alertes d’action urgente.',
    confirmPageDone:
      'Merci : votre inscription est confirmée. Vous recevrez un e-mail quand un cas demandera une action.',
    confirmPageInvalid:
      'Ce lien n’est plus valable : il a peut-être expiré. Vous pouvez vous inscrire de nouveau aux alertes d’action urgente sur la page où vous les aviez demandées.',
  },
};
