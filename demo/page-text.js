// The demo page's own text in Khmer and French: its headings and paragraphs, and the text it gives the
// widgets (their `heading` and `place` attributes, the milestones, the steps, the pledge statement),
// which is the partner's to translate, not Samleng's. The English is the page itself (index.html):
// elements carry `data-text="id"` (their content), `data-code="id"` (a code sample, as plain text) or
// `data-attrs="attribute:id …"`, and language-switcher.js swaps in the text below.
//
// Long Khmer headings have U+200B ZERO WIDTH SPACE between words (written \u200b): browsers break Khmer
// lines with ICU's dictionary, which cuts some words ("ជាស|កល"); the invisible spaces say where words end.
// In `data-text` entries, **bold**, `code` and [a link](https://…) are the only markup. Khmer text is a
// draft by the team, to be reviewed by a native speaker like the widgets' own Khmer strings; facts come
// from shared/content/cambodia.md only.

const OHCHR_UPR = 'https://www.ohchr.org/en/hr-bodies/upr/kh-index';

export const PAGE_TEXT = {
  km: {
    title: 'សំឡេង៖ ទំព័រគំរូរបស់ដៃគូ',
    org: '**សមាគមសហគមន៍ខ្មែរគំរូ** · ទំព័រគំរូរបស់ដៃគូ',
    'languages.label': 'ភាសានៃទំព័រ',
    h1: 'គាំទ្រអ្នកទោសនយោបាយនៅកម្ពុជា',
    intro:
      'ទំព័រនេះប្រើតែស្គ្រីប `dist/samleng.js` មួយ និងលក្ខណៈ HTML ប៉ុណ្ណោះ។ ប៊ូតុងខាងលើប្តូរ `<html lang>`៖ ផ្នែកនីមួយៗរបស់ សំឡេង ប្តូរភាសាតាមភ្លាមៗ ហើយអត្ថបទរបស់ទំព័រក៏ប្តូរតាមដែរ (ដោយ `language-switcher.js` របស់ទំព័រគំរូនេះ ដូចគេហទំព័រច្រើនភាសារបស់ដៃគូដែរ)។',
    'countdown.title': 'ការពិនិត្យរបស់អង្គការសហប្រជាជាតិលើកម្ពុជា',
    'countdown.intro':
      'ការពិនិត្យតាមកាលកំណត់ជាសកល (UPR) លើកក្រោយរបស់កម្ពុជា មិនទាន់មានកាលវិភាគនៅឡើយទេ។ ប្រហែលខែឧសភា ឆ្នាំ២០២៩ គ្រាន់តែជាការប៉ាន់ស្មាន ដូច្នេះផ្នែកនេះបង្ហាញថាជាកាលបរិច្ឆេទប៉ាន់ស្មាន ហើយរាប់ជាថ្ងៃ។ ដំណាក់កាលសំខាន់ៗ ត្រូវបានសរសេរជាធាតុ `<time>` ធម្មតា ដែលអាចអានបាន សូម្បីតែមុនពេលស្គ្រីបដំណើរការ។',
    'upr5.heading': 'ការពិនិត្យ\u200bតាម\u200bកាលកំណត់\u200bជា\u200bសកល\u200bលើកទី៥ របស់កម្ពុជា',
    'upr4.heading': 'ការពិនិត្យ\u200bតាម\u200bកាលកំណត់\u200bជា\u200bសកល\u200bលើកទី៤ របស់កម្ពុជា',
    geneva: 'ហ្សឺណែវ',
    'upr5.submissions': 'ថ្ងៃផុតកំណត់ដាក់របាយការណ៍របស់ភាគីពាក់ព័ន្ធ (ប៉ាន់ស្មាន)',
    'upr5.pre-session': 'វគ្គមុនការពិនិត្យរបស់ UPR Info នៅហ្សឺណែវ (ប៉ាន់ស្មាន)',
    'upr4.opens': 'សម័យប្រជុំលើកទី៤៦ របស់ក្រុមការងារ UPR ចាប់ផ្តើម',
    'upr4.closes': 'សម័យប្រជុំបញ្ចប់',
    'countdown.code': `<samleng-countdown heading="ការពិនិត្យតាមកាលកំណត់ជាសកលលើកទី៥ របស់កម្ពុជា"
  date="2029-05-01" time-zone="Europe/Zurich" place="ហ្សឺណែវ" estimated
  href="${OHCHR_UPR}">
  <time datetime="2028-11-01T12:00+01:00">ថ្ងៃផុតកំណត់ដាក់របាយការណ៍របស់ភាគីពាក់ព័ន្ធ (ប៉ាន់ស្មាន)</time>
  <time datetime="2029-04-01">វគ្គមុនការពិនិត្យរបស់ UPR Info នៅហ្សឺណែវ (ប៉ាន់ស្មាន)</time>
</samleng-countdown>`,
    'case.title': 'សកម្មភាពបន្ទាន់',
    'case.all': 'ករណីទាំងអស់ក្នុងបញ្ជី',
    'case.alerts': 'សកម្មភាពបន្ទាន់តាមអ៊ីមែល',
    'steps.title': 'អ្វីដែលអ្នកអាចធ្វើបាន',
    'steps.heading': 'ជំហានបួនដែលអ្នកអាចធ្វើបានឥឡូវនេះ',
    'steps.intro': 'ជំហានបន្ទាន់ទាំងបួន ដែលមានចែងក្នុងសេចក្តីថ្លែងការណ៍របស់សហគមន៍ ចុះថ្ងៃទី២៣ ខែកញ្ញា ឆ្នាំ២០២៣។',
    'steps.upr': `**ចូលរួមក្នុងការពិនិត្យតាមកាលកំណត់ជាសកល (UPR) របស់អង្គការសហប្រជាជាតិលើកម្ពុជា។** ដាក់ពាក្យបណ្តឹង និងសេចក្តីថ្លែងការណ៍ព្រួយបារម្ភជាលាយលក្ខណ៍អក្សរ អំពីករណី និងការអនុវត្តជាក់លាក់ ដែលអង្គការសហប្រជាជាតិ និងរដ្ឋជាសមាជិករបស់ខ្លួនគួរពិនិត្យមើល។ [ទំព័រ UPR របស់កម្ពុជា (OHCHR ជាភាសាអង់គ្លេស)](${OHCHR_UPR})`,
    'steps.case-alerts':
      '**គាំទ្រប្រព័ន្ធជូនដំណឹងករណីសកម្មភាពបន្ទាន់ខ្មែរ។** ប្រព័ន្ធនេះទាក់ទាញការយកចិត្តទុកដាក់ទៅលើករណីធ្ងន់ធ្ងរបំផុត៖ ទោសជាប់ពន្ធនាគារ ២៧ឆ្នាំ ពីបទក្បត់ជាតិរបស់លោក កឹម សុខា និងទោស ៥ ទៅ ៨ឆ្នាំ របស់មេដឹកនាំនយោបាយ និងអ្នករិះគន់ជាងហាសិបនាក់ ក្នុងនោះមានអ្នកស្រី ធារី សេង។',
    'steps.economic-pressure':
      '**ដាក់សម្ពាធសេដ្ឋកិច្ចនៅកន្លែងដែលប៉ះពាល់ខ្លាំង។** ទាមទារទណ្ឌកម្មតាមគំរូវិធានការពន្ធគយរបស់សហភាពអឺរ៉ុប ការធ្វើពហិការរបស់អ្នកប្រើប្រាស់លើក្រុមហ៊ុន ដែលទទួលផលពីការរំលោភយកដីធ្លី និងការរំលោភបំពានផ្សេងៗ និងការហាមឃាត់ទេសចរណ៍។',
    'steps.meetings':
      '**ចូលរួមកិច្ចប្រជុំអន្តរជាតិស្តីពីកម្ពុជា** ដូចជាវគ្គរៀបចំផែនការយុទ្ធសាស្ត្ររបស់អ្នកជំនាញអន្តរជាតិអំពីកម្ពុជា ដើម្បីឱ្យសំឡេងសហគមន៍ត្រូវបានឮ។',
    'pledge.title': 'ការប្តេជ្ញា',
    'pledge.count': 'យុទ្ធនាការរហូតមកដល់ពេលនេះ',
    'pledge.statement': 'ខ្ញុំប្តេជ្ញាសរសេរទៅកាន់តំណាងរាស្ត្ររបស់ខ្ញុំ មុនពេលការពិនិត្យលើកក្រោយរបស់អង្គការសហប្រជាជាតិលើកម្ពុជា។',
    'pledge.privacy': 'privacy-km.html',
    'pledge.code': `<samleng-pledge endpoint="https://pledges.example.org/api/pledges" campaign="upr-2029" partner="lowell-kca"
  goal="5000" fields="country city" privacy-href="https://example.org/km/privacy"
  heading="គាំទ្រអ្នកទោសនយោបាយនៅកម្ពុជា">
  ខ្ញុំប្តេជ្ញាសរសេរទៅកាន់តំណាងរាស្ត្ររបស់ខ្ញុំ មុនពេលការពិនិត្យលើកក្រោយរបស់អង្គការសហប្រជាជាតិលើកម្ពុជា។
</samleng-pledge>
<samleng-pledge-count endpoint="https://pledges.example.org/api/pledges" campaign="upr-2029" goal="5000"></samleng-pledge-count>`,
    footer:
      'ការពិតនៅលើទំព័រនេះ៖ OHCHR (សម័យប្រជុំ UPR លើកទី៤៦ ខែឧសភា ឆ្នាំ២០២៤), Reuters និង AP (ថ្ងៃទី៣ ខែមីនា ឆ្នាំ២០២៣)។ អត្ថបទខ្មែរនេះជាសេចក្តីព្រាង ដែលត្រូវឱ្យអ្នកនិយាយភាសាខ្មែរពិនិត្យ។',
  },
  fr: {
    title: 'Démo de Samleng : une page de partenaire',
    org: '**Association communautaire khmère (exemple)** · une page de partenaire pour la démonstration',
    'languages.label': 'Langue de la page',
    h1: 'Aux côtés des prisonniers politiques du Cambodge',
    intro:
      'Cette page n’utilise que le script à coller `dist/samleng.js` et des attributs HTML. Les boutons ci-dessus changent `<html lang>` : chaque module suit aussitôt, et le texte de la page change avec eux (le `language-switcher.js` de la démo, comme le ferait le site multilingue d’un partenaire).',
    'countdown.title': 'L’examen du Cambodge à l’ONU',
    'countdown.intro':
      'Le prochain Examen périodique universel (EPU) du Cambodge n’est pas encore fixé : vers mai 2029 n’est qu’une estimation, si bien que le module l’indique et compte en jours. Les étapes sont de simples éléments `<time>`, lisibles avant même le chargement du script.',
    'upr5.heading': '5e examen du Cambodge sur les droits humains à l’ONU',
    'upr4.heading': '4e examen du Cambodge sur les droits humains à l’ONU',
    geneva: 'Genève',
    'upr5.submissions': 'Date limite des contributions des parties prenantes (estimation)',
    'upr5.pre-session': 'Pré-session d’UPR Info à Genève (estimation)',
    'upr4.opens': 'Ouverture de la 46e session du Groupe de travail de l’EPU',
    'upr4.closes': 'Clôture de la session',
    'countdown.code': `<samleng-countdown heading="5e examen du Cambodge sur les droits humains à l’ONU"
  date="2029-05-01" time-zone="Europe/Zurich" place="Genève" estimated
  href="${OHCHR_UPR}">
  <time datetime="2028-11-01T12:00+01:00">Date limite des contributions des parties prenantes (estimation)</time>
  <time datetime="2029-04-01">Pré-session d’UPR Info à Genève (estimation)</time>
</samleng-countdown>`,
    'case.title': 'Action urgente',
    'case.all': 'Tous les cas du flux',
    'case.alerts': 'Les actions urgentes par e-mail',
    'steps.title': 'Ce que vous pouvez faire',
    'steps.heading': 'Quatre actions à mener dès maintenant',
    'steps.intro': 'Les quatre actions immédiates de la déclaration de la communauté du 23 septembre 2023.',
    'steps.upr': `**Participer à l’Examen périodique universel du Cambodge à l’ONU.** Envoyez des plaintes et des déclarations de préoccupation écrites sur les cas et les pratiques que l’ONU et ses États membres devraient examiner. [La page EPU du Cambodge (HCDH, en anglais)](${OHCHR_UPR})`,
    'steps.case-alerts':
      '**Soutenir le système khmer d’alertes pour action urgente.** Il attire l’attention sur les cas les plus graves : la peine de 27 ans pour trahison de Kem Sokha, et les peines de 5 à 8 ans de plus de cinquante responsables politiques et critiques, dont Theary Seng.',
    'steps.economic-pressure':
      '**Exercer une pression économique là où elle porte.** Demander des sanctions dans la ligne des mesures tarifaires de l’UE, un boycott des entreprises qui profitent des accaparements de terres et d’autres abus, et un embargo touristique.',
    'steps.meetings':
      '**Participer aux réunions internationales sur le Cambodge**, par exemple les séances de planification stratégique d’experts internationaux du Cambodge, pour faire entendre la voix de la communauté.',
    'pledge.title': 'Engagement',
    'pledge.count': 'La campagne à ce jour',
    'pledge.statement': 'Je m’engage à écrire à mes élus avant le prochain examen du Cambodge à l’ONU.',
    'pledge.privacy': 'privacy-fr.html',
    'pledge.code': `<samleng-pledge endpoint="https://pledges.example.org/api/pledges" campaign="upr-2029" partner="lowell-kca"
  goal="5000" fields="country city" privacy-href="https://example.org/fr/confidentialite"
  heading="Aux côtés des prisonniers politiques du Cambodge">
  Je m’engage à écrire à mes élus avant le prochain examen du Cambodge à l’ONU.
</samleng-pledge>
<samleng-pledge-count endpoint="https://pledges.example.org/api/pledges" campaign="upr-2029" goal="5000"></samleng-pledge-count>`,
    footer:
      'Faits cités sur cette page : HCDH (46e session de l’EPU, mai 2024) ; Reuters et AP (3 mars 2023). Le texte khmer est une ébauche, à relire par une personne de langue maternelle khmère.',
  },
};
