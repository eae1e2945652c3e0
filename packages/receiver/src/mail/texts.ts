// The words of the mails, per language (the widgets' languages: English, Khmer, French). A pledge's
// `locale` picks them; numbers in Khmer are written in Khmer digits, as the widgets write them.

export type Language = 'en' | 'km' | 'fr';

/** The language of a BCP 47 tag among those the mails are written in (English otherwise). */
export function language(locale: string | undefined): Language {
  const primary = (locale ?? '').toLowerCase().split('-')[0];
  return primary === 'km' || primary === 'fr' ? primary : 'en';
}

/** A whole number as a reader of `lang` writes it (Khmer digits in Khmer). */
export function formatNumber(lang: Language, value: number): string {
  return new Intl.NumberFormat(lang === 'km' ? 'km-KH-u-nu-khmr' : lang).format(value);
}

export interface MailTexts {
  confirmSubject: string;
  /** {campaign} {days}; the link goes after it. */
  confirmIntro: string;
  confirmButton: string;
  confirmOutro: string;
  knownSubject: string;
  knownBody: string;
  greeting: string;
}

export const MAIL_TEXTS: Record<Language, MailTexts> = {
  en: {
    greeting: 'Hello,',
    confirmSubject: 'Please confirm your pledge',
    confirmIntro:
      'Someone, we hope you, pledged with this e-mail address in the campaign “{campaign}”. To confirm your pledge, open this link and press the button on the page:',
    confirmButton: 'Confirm my pledge',
    confirmOutro:
      'The link is valid for {days} days. If you did not pledge, do nothing: the pledge will be deleted.',
    knownSubject: 'You had already pledged',
    knownBody:
      'Someone, we hope you, pledged again with this e-mail address in the campaign “{campaign}”. You had already pledged: nothing has changed, and your pledge is counted once. If you have not confirmed it yet, use the link in our first mail. If this was not you, you need do nothing.',
  },
  km: {
    greeting: 'សួស្តី,',
    confirmSubject: 'សូមបញ្ជាក់ការប្ដេជ្ញារបស់អ្នក',
    confirmIntro:
      'មាននរណាម្នាក់ (យើងសង្ឃឹមថាជាអ្នក) បានប្ដេជ្ញាដោយប្រើអាសយដ្ឋានអ៊ីមែលនេះ ក្នុងយុទ្ធនាការ «{campaign}»។ ដើម្បីបញ្ជាក់ការប្ដេជ្ញារបស់អ្នក សូមបើកតំណនេះ ហើយចុចប៊ូតុងនៅលើទំព័រ៖',
    confirmButton: 'បញ្ជាក់ការប្ដេជ្ញារបស់ខ្ញុំ',
    confirmOutro: 'តំណនេះមានសុពលភាព {days} ថ្ងៃ។ ប្រសិនបើអ្នកមិនបានប្ដេជ្ញាទេ សូមកុំធ្វើអ្វីទាំងអស់៖ ការប្ដេជ្ញានេះនឹងត្រូវលុបចោល។',
    knownSubject: 'អ្នកបានប្ដេជ្ញារួចហើយ',
    knownBody:
      'មាននរណាម្នាក់ (យើងសង្ឃឹមថាជាអ្នក) បានប្ដេជ្ញាម្តងទៀតដោយប្រើអាសយដ្ឋានអ៊ីមែលនេះ ក្នុងយុទ្ធនាការ «{campaign}»។ អ្នកបានប្ដេជ្ញារួចហើយ៖ គ្មានអ្វីផ្លាស់ប្តូរទេ ហើយការប្ដេជ្ញារបស់អ្នកត្រូវបានរាប់តែម្តងប៉ុណ្ណោះ។ ប្រសិនបើអ្នកមិនទាន់បានបញ្ជាក់ទេ សូមប្រើតំណនៅក្នុងអ៊ីមែលដំបូងរបស់យើង។ ប្រសិនបើមិនមែនជាអ្នកទេ អ្នកមិនចាំបាច់ធ្វើអ្វីទេ។',
  },
  fr: {
    greeting: 'Bonjour,',
    confirmSubject: 'Merci de confirmer votre engagement',
    confirmIntro:
      'Quelqu’un, vous nous l’espérons, s’est engagé avec cette adresse e-mail dans la campagne « {campaign} ». Pour confirmer votre engagement, ouvrez ce lien et appuyez sur le bouton de la page :',
    confirmButton: 'Je confirme mon engagement',
    confirmOutro:
      'Le lien est valable {days} jours. Si ce n’était pas vous, ne faites rien : l’engagement sera supprimé.',
    knownSubject: 'Vous vous étiez déjà engagé',
    knownBody:
      'Quelqu’un, vous nous l’espérons, s’est de nouveau engagé avec cette adresse e-mail dans la campagne « {campaign} ». Vous vous étiez déjà engagé : rien n’a changé, et votre engagement est compté une fois. Si vous ne l’avez pas encore confirmé, utilisez le lien de notre premier message. Si ce n’était pas vous, vous n’avez rien à faire.',
  },
};

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
