// A case as the console edits it, and its way to and from the feed case object the receiver stores
// (packages/case-alert/case-feed.schema.json). In the editor every text has all three languages (empty
// strings for the missing ones) and every list exists, so the form never has to ask "is it there?";
// on the way out empty texts, lists and fields are dropped, so the feed holds only what was written.

export const LANGUAGES = ['en', 'km', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Texts = Record<Language, string>;

export const STATUSES = [
  'detained',
  'house-arrest',
  'in-exile',
  'convicted-in-absentia',
  'released',
  'deceased',
] as const;

export interface LetterDraft {
  to: string;
  subject: Texts;
  body: Texts;
}
export interface LinkDraft {
  label: Texts;
  href: string;
}
export interface SourceDraft {
  title: Texts;
  publisher: Texts;
  url: string;
  date: string;
}

export interface CaseDraft {
  id: string;
  name: Texts;
  nameKm: string;
  status: string;
  statusNote: Texts;
  charges: Texts[];
  sentence: Texts;
  arrested: string;
  sentenced: string;
  photo: string;
  photoAlt: Texts;
  summary: Texts;
  deadline: string;
  updated: string;
  letter: LetterDraft;
  links: LinkDraft[];
  sources: SourceDraft[];
}

/** The feed's case object, as the receiver's routes take and give it. */
export type CaseObject = Record<string, unknown> & { id: string };

export const noTexts = (): Texts => ({ en: '', km: '', fr: '' });
export const emptySource = (): SourceDraft => ({ title: noTexts(), publisher: noTexts(), url: '', date: '' });
export const emptyLink = (): LinkDraft => ({ label: noTexts(), href: '' });

export function emptyCase(today: string): CaseDraft {
  return {
    id: '',
    name: noTexts(),
    nameKm: '',
    status: 'detained',
    statusNote: noTexts(),
    charges: [],
    sentence: noTexts(),
    arrested: '',
    sentenced: '',
    photo: '',
    photoAlt: noTexts(),
    summary: noTexts(),
    deadline: '',
    updated: today,
    letter: { to: '', subject: noTexts(), body: noTexts() },
    links: [],
    sources: [],
  };
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A feed text (one string: English; or `{en, km, fr}`) as three fields. */
export function textsOf(value: unknown): Texts {
  if (typeof value === 'string') return { en: value, km: '', fr: '' };
  const object = record(value);
  return { en: str(object.en), km: str(object.km), fr: str(object.fr) };
}

export function draftOf(value: CaseObject): CaseDraft {
  const actions = list(value.actions).map(record);
  const letter = actions.find((action) => action.kind === 'letter') ?? {};
  return {
    id: value.id,
    name: textsOf(value.name),
    nameKm: str(value.nameKm),
    status: str(value.status) || 'detained',
    statusNote: textsOf(value.statusNote),
    charges: list(value.charges).map(textsOf),
    sentence: textsOf(value.sentence),
    arrested: str(value.arrested),
    sentenced: str(value.sentenced),
    photo: str(value.photo),
    photoAlt: textsOf(value.photoAlt),
    summary: textsOf(value.summary),
    deadline: str(value.deadline),
    updated: str(value.updated),
    letter: { to: str(letter.to), subject: textsOf(letter.subject), body: textsOf(letter.body) },
    links: actions
      .filter((action) => action.kind === 'link')
      .map((action) => ({ label: textsOf(action.label), href: str(action.href) })),
    sources: list(value.sources)
      .map(record)
      .map((source) => ({
        title: textsOf(source.title),
        publisher: textsOf(source.publisher),
        url: str(source.url),
        date: str(source.date),
      })),
  };
}

/** The languages written, trimmed; undefined when none is. */
function textOut(texts: Texts): Partial<Texts> | undefined {
  const out: Partial<Texts> = {};
  for (const lang of LANGUAGES) {
    const text = texts[lang].trim();
    if (text) out[lang] = text;
  }
  return Object.keys(out).length ? out : undefined;
}

const filled = (texts: Texts) => LANGUAGES.some((lang) => texts[lang].trim());

/** The draft as the feed case object: only what was written. The letter goes first, so it is the card's. */
export function caseOf(draft: CaseDraft): CaseObject {
  const out: CaseObject = { id: draft.id.trim() };
  const put = (key: string, value: unknown) => {
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
      out[key] = value;
  };
  put('name', textOut(draft.name) ?? '');
  put('nameKm', draft.nameKm.trim());
  put('status', draft.status);
  put('statusNote', textOut(draft.statusNote));
  put('charges', draft.charges.filter(filled).map(textOut));
  put('sentence', textOut(draft.sentence));
  put('arrested', draft.arrested);
  put('sentenced', draft.sentenced);
  put('photo', draft.photo.trim());
  put('photoAlt', textOut(draft.photoAlt));
  put('summary', textOut(draft.summary));
  put('deadline', draft.deadline);
  put('updated', draft.updated);
  const { letter } = draft;
  const actions: Record<string, unknown>[] = [];
  if (letter.to.trim() || filled(letter.subject) || filled(letter.body)) {
    actions.push({
      kind: 'letter',
      to: letter.to.trim(),
      subject: textOut(letter.subject) ?? '',
      body: textOut(letter.body) ?? '',
    });
  }
  for (const link of draft.links) {
    if (link.href.trim() || filled(link.label))
      actions.push({ kind: 'link', label: textOut(link.label) ?? '', href: link.href.trim() });
  }
  put('actions', actions);
  put(
    'sources',
    draft.sources
      .filter((source) => filled(source.title) || source.url.trim())
      .map((source) => {
        const item: Record<string, unknown> = { title: textOut(source.title) ?? '' };
        const publisher = textOut(source.publisher);
        if (publisher) item.publisher = publisher;
        if (source.url.trim()) item.url = source.url.trim();
        if (source.date) item.date = source.date;
        return item;
      }),
  );
  return out;
}

/** An id from a name: `Kem Sokha` → `kem-sokha` (the feed's id pattern). */
export function idFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/**
 * The checks the console makes before saving (the receiver makes them all again): the codes are the
 * receiver's (`required`, `url`, `email`, `format`), keyed by the path in the case object, so they show
 * beside the same fields as the receiver's answer.
 */
export function checkDraft(draft: CaseDraft, isNew: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  const value = caseOf(draft);
  if (isNew && !/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(value.id))
    errors.id = value.id ? 'format' : 'required';
  if (!filled(draft.name)) errors.name = 'required';
  if (draft.photo.trim() && !isWebUrl(draft.photo)) errors.photo = 'url';
  const actions = (value.actions as Record<string, unknown>[] | undefined) ?? [];
  actions.forEach((action, index) => {
    if (
      action.kind === 'letter' &&
      !/^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(String(action.to))
    )
      errors[`actions[${index}].to`] = action.to ? 'email' : 'required';
    if (action.kind === 'link' && !isWebUrl(String(action.href)))
      errors[`actions[${index}].href`] = action.href ? 'url' : 'required';
  });
  const sources = (value.sources as Record<string, unknown>[] | undefined) ?? [];
  sources.forEach((source, index) => {
    if (source.url !== undefined && !isWebUrl(String(source.url))) errors[`sources[${index}].url`] = 'url';
  });
  return errors;
}

/** An absolute http(s) address: what a partner's page can link to from anywhere. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && !!url.hostname;
  } catch {
    return false;
  }
}

/**
 * Where an error's path is shown in the editor: the feed's `actions[i]` are the letter (first when there
 * is one) and the links after it, so their paths are mapped to the editor's `letter.*` and `links[j].*`.
 */
export function editorPath(path: string, draft: CaseDraft): string {
  const match = /^actions\[(\d+)\](.*)$/.exec(path);
  if (!match) return path;
  const hasLetter = !!(caseOf(draft).actions as Record<string, unknown>[] | undefined)?.some(
    (action) => action.kind === 'letter',
  );
  const index = Number(match[1]);
  if (hasLetter && index === 0) return `letter${match[2]}`;
  return `links[${index - (hasLetter ? 1 : 0)}]${match[2]}`;
}
