// The words of the confirmation page, per language (see ../mail/texts.ts for how one is picked).
import type { Language } from '../mail/texts.js';

export interface PageTexts {
  title: string;
  /** {campaign} */
  pending: string;
  button: string;
  confirmed: string;
  invalid: string;
}

export const PAGE_TEXTS: Record<Language, PageTexts> = {
  en: {
    title: 'Confirm your pledge',
    pending: 'Press the button to confirm your pledge in the campaign “{campaign}”.',
    button: 'Confirm my pledge',
    confirmed: 'Thank you: your pledge in the campaign “{campaign}” is confirmed and counted.',
    invalid:
      'This link is not valid any more: it may have expired. You can pledge again on the campaign’s page.',
  },
  km: {
    title: 'បញ្ជាក់ការប្ដេជ្ញារបស់អ្នក',
    pending: 'សូមចុចប៊ូតុង ដើម្បីបញ្ជាក់ការប្ដេជ្ញារបស់អ្នក ក្នុងយុទ្ធនាការ «{campaign}»។',
    button: 'បញ្ជាក់ការប្ដេជ្ញារបស់ខ្ញុំ',
    confirmed: 'សូមអរគុណ៖ ការប្ដេជ្ញារបស់អ្នកក្នុងយុទ្ធនាការ «{campaign}» ត្រូវបានបញ្ជាក់ និងរាប់បញ្ចូលហើយ។',
    invalid: 'តំណនេះលែងមានសុពលភាពទៀតហើយ៖ វាប្រហែលជាផុតកំណត់។ អ្នកអាចប្ដេជ្ញាម្តងទៀតនៅលើទំព័ររបស់យុទ្ធនាការ។',
  },
  fr: {
    title: 'Confirmez votre engagement',
    pending: 'Appuyez sur le bouton pour confirmer votre engagement dans la campagne « {campaign} ».',
    button: 'Je confirme mon engagement',
    confirmed: 'Merci : votre engagement dans la campagne « {campaign} » est confirmé et compté.',
    invalid:
      'Ce lien n’est plus valable : il a peut-être expiré. Vous pouvez vous engager de nouveau sur la page de la campagne.',
  },
};
