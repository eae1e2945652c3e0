// The editor's building blocks: a text in three languages (side by side on a wide screen, stacked on a
// phone, a missing translation marked), a plain field, and the words for the receiver's error codes and the
// case's field names (shared by the editor and its history).
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { LANGUAGES, type Language, type Texts } from './case-model.js';

/** Each language named in itself: the volunteer writing Khmer looks for ខ្មែរ. */
const NAMES: Record<Language, string> = { en: 'English', km: 'ខ្មែរ', fr: 'Français' };

/** A DOM id from an editor path (`sources[0].url` → `f-sources-0-url`). */
export const idOf = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;

export function errorText(code: string): string {
  switch (code) {
    case 'required':
      return msg('Please fill this in.', { id: 'console.case.error.required' });
    case 'url':
      return msg('Enter a full web address that starts with https://', { id: 'console.case.error.url' });
    case 'email':
      return msg('Enter one e-mail address, such as office@example.org.', { id: 'console.case.error.email' });
    case 'date':
      return msg('Enter a date.', { id: 'console.case.error.date' });
    case 'too-long':
      return msg('This is too long. Please shorten it.', { id: 'console.case.error.too-long' });
    case 'status':
      return msg('Choose a status from the list.', { id: 'console.case.error.status' });
    case 'duplicate-id':
      return msg('Another case already has this short name. Choose another.', {
        id: 'console.case.error.duplicate-id',
      });
    default:
      return msg('This is not in a form the receiver accepts.', { id: 'console.case.error.format' });
  }
}

export function fieldLabel(field: string): string {
  switch (field) {
    case 'id':
      return msg('Short name (in web addresses)', { id: 'console.case.field.id' });
    case 'name':
      return msg('Name', { id: 'console.case.field.name' });
    case 'nameKm':
      return msg('Name in Khmer script', { id: 'console.case.field.name-km' });
    case 'status':
      return msg('Status', { id: 'console.case.field.status' });
    case 'statusNote':
      return msg('Note on the status (what is and is not verified)', {
        id: 'console.case.field.status-note',
      });
    case 'charges':
      return msg('Charges', { id: 'console.case.field.charges' });
    case 'sentence':
      return msg('Sentence', { id: 'console.case.field.sentence' });
    case 'arrested':
      return msg('Date of arrest', { id: 'console.case.field.arrested' });
    case 'sentenced':
      return msg('Date of sentence', { id: 'console.case.field.sentenced' });
    case 'photo':
      return msg('Photo address', { id: 'console.case.field.photo' });
    case 'photoAlt':
      return msg('What the photo shows (for blind readers)', { id: 'console.case.field.photo-alt' });
    case 'summary':
      return msg('Summary', { id: 'console.case.field.summary' });
    case 'deadline':
      return msg('Act before (deadline)', { id: 'console.case.field.deadline' });
    case 'updated':
      return msg('Facts last checked on', { id: 'console.case.field.updated' });
    case 'actions':
      return msg('Letter and links', { id: 'console.case.field.actions' });
    case 'sources':
      return msg('Sources', { id: 'console.case.field.sources' });
    case 'published':
      return msg('Published', { id: 'console.case.field.published' });
    case 'needsAction':
      return msg('Needs action', { id: 'console.case.field.needs-action' });
    default:
      return field;
  }
}

export interface TextsOptions {
  path: string;
  legend: string;
  value: Texts;
  multiline?: boolean;
  error?: string | undefined;
  disabled: boolean;
  onChange: (lang: Language, value: string) => void;
}

/** A text in en, km and fr; a language left empty while another is written is marked as missing. */
export function textsField(options: TextsOptions): TemplateResult {
  const { path, value, error } = options;
  const any = LANGUAGES.some((lang) => value[lang].trim());
  const errorId = `${idOf(path)}-error`;
  return html`<fieldset
    class="texts"
    data-path=${path}
    aria-describedby=${ifDefined(error ? errorId : undefined)}
  >
    <legend>${options.legend}</legend>
    <div class="langs">
      ${LANGUAGES.map((lang) => {
        const id = `${idOf(path)}-${lang}`;
        const missing = any && !value[lang].trim();
        const onInput = (event: Event) =>
          options.onChange(lang, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
        return html`<div class="lang">
          <label for=${id} lang=${lang}>${NAMES[lang]}</label>
          ${
            options.multiline
              ? html`<textarea
                  id=${id}
                  lang=${lang}
                  rows="5"
                  ?disabled=${options.disabled}
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby=${ifDefined(missing ? `${id}-missing` : undefined)}
                  .value=${live(value[lang])}
                  @input=${onInput}
                ></textarea>`
              : html`<input
                  id=${id}
                  lang=${lang}
                  ?disabled=${options.disabled}
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby=${ifDefined(missing ? `${id}-missing` : undefined)}
                  .value=${live(value[lang])}
                  @input=${onInput}
                />`
          }
          ${
            missing
              ? html`<p class="missing" id="${id}-missing">
                  ${msg('Missing: readers in this language see another language here.', {
                    id: 'console.case.missing',
                  })}
                </p>`
              : nothing
          }
        </div>`;
      })}
    </div>
    ${error ? html`<p class="error" id=${errorId}>${errorText(error)}</p>` : nothing}
  </fieldset>`;
}

export interface InputOptions {
  path: string;
  label: string;
  value: string;
  type?: 'text' | 'url' | 'email' | 'date';
  hint?: string;
  error?: string | undefined;
  disabled: boolean;
  lang?: string;
  onChange: (value: string) => void;
}

export function inputField(options: InputOptions): TemplateResult {
  const id = idOf(options.path);
  const { error, hint } = options;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field" data-path=${options.path}>
    <label for=${id}>${options.label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    <input
      id=${id}
      type=${options.type ?? 'text'}
      lang=${ifDefined(options.lang)}
      ?disabled=${options.disabled}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(described || undefined)}
      .value=${live(options.value)}
      @input=${(event: Event) => options.onChange((event.target as HTMLInputElement).value)}
    />
    ${error ? html`<p class="error" id="${id}-error">${errorText(error)}</p>` : nothing}
  </div>`;
}
