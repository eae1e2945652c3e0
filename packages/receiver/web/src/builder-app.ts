import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { SamlengElement, cardStyles } from '@samleng/core';
import { pageControls } from './page-controls.js';
import { snippet } from './snippet.js';
import { formStyles } from './styles.js';

/** A widget as the builder's form sees it (web/widgets.mjs cuts it from custom-elements.json). */
export interface WidgetInfo {
  tag: string;
  summary: string;
  attributes: { name: string; type: string; default?: string; description: string }[];
}

export interface KitInfo {
  script: string;
  integrity: string;
  endpoint: string;
}

/** Values to start from, so that the preview shows something at once. */
function examples(origin: string): Record<string, Record<string, string>> {
  const nextYear = `${new Date().getUTCFullYear() + 1}-05-01`;
  return {
    'samleng-pledge': { endpoint: `${origin}/api/pledges`, campaign: 'my-campaign' },
    'samleng-pledge-count': { endpoint: `${origin}/api/pledges`, campaign: 'my-campaign' },
    'samleng-countdown': { date: nextYear, heading: 'Universal Periodic Review' },
  };
}

/** `'light' | 'dark' | undefined` → ['light', 'dark']; undefined when the type is not a list of words. */
export function choicesOf(type: string): string[] | undefined {
  const parts = type
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined');
  return parts.length > 0 && parts.every((part) => /^'[^']*'$/.test(part))
    ? parts.map((part) => part.slice(1, -1))
    : undefined;
}

/**
 * @summary The embed builder: pick a widget, fill its attributes in a form made from
 * custom-elements.json, see it live, and copy a snippet (script tag with integrity, and the element).
 *
 * @tag samleng-builder
 * @csspart base - The page's main column.
 */
export class SamlengBuilder extends SamlengElement {
  static override styles = [
    ...SamlengElement.styles,
    cardStyles,
    formStyles,
    css`
      :host {
        max-width: 72em;
        margin-inline: auto;
        padding: var(--_space);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.5em;
        align-items: center;
        margin-block-end: var(--_space);
      }
      h1 {
        margin: 0;
        font-size: 1.5em;
        color: var(--_accent);
      }
      .layout {
        display: grid;
        gap: var(--_space);
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22em), 1fr));
        align-items: start;
      }
      .field {
        margin-block-end: 0.75em;
      }
      .field.check label {
        display: flex;
        gap: 0.5em;
        align-items: center;
      }
      .field.check input {
        width: auto;
        min-height: 24px;
      }
      .hint {
        font-size: 0.875em;
        color: var(--_muted);
        margin: 0.25em 0 0;
      }
      .note {
        border-inline-start: 4px solid var(--_accent);
        padding-inline-start: 0.75em;
      }
      textarea {
        font-family: ui-monospace, monospace;
        font-size: 0.875em;
        min-height: 9em;
      }
      .preview {
        min-height: 8em;
      }
    `,
  ];

  /** The widgets and their attributes; fetched from /builder/widgets.json unless given. */
  @property({ attribute: false }) widgets: WidgetInfo[] = [];
  /** The kit's address and integrity; fetched from /builder/kit.json unless given. */
  @property({ attribute: false }) kit: KitInfo | undefined;
  /** The widget picked. */
  @property() tag = 'samleng-pledge';
  @state() private values: Record<string, string | true> = {};
  @state() private copied = false;
  @state() private failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.widgets.length === 0 || !this.kit) void this.load();
    else this.pick(this.tag);
  }

  private async load() {
    try {
      const [widgets, kit] = await Promise.all([
        fetch('/builder/widgets.json').then((r) => r.json() as Promise<WidgetInfo[]>),
        fetch('/builder/kit.json').then((r) =>
          r.ok ? (r.json() as Promise<KitInfo>) : Promise.reject(new Error()),
        ),
      ]);
      this.widgets = widgets;
      this.kit = kit;
      this.pick(widgets.some((widget) => widget.tag === this.tag) ? this.tag : (widgets[0]?.tag ?? ''));
    } catch {
      this.failed = true;
    }
  }

  private pick(tag: string) {
    this.tag = tag;
    this.values = { ...(examples(location.origin)[tag] ?? {}) };
    this.copied = false;
  }

  private get widget(): WidgetInfo | undefined {
    return this.widgets.find((widget) => widget.tag === this.tag);
  }

  private set(name: string, value: string | true | undefined) {
    const rest = Object.entries(this.values).filter(([key]) => key !== name);
    this.values = Object.fromEntries(value === undefined || value === '' ? rest : [...rest, [name, value]]);
    this.copied = false;
  }

  /** The snippet for the current form, or '' before the receiver answered. */
  get code(): string {
    const widget = this.widget;
    if (!widget || !this.kit) return '';
    return snippet({
      script: new URL(this.kit.script, location.href).href,
      integrity: this.kit.integrity,
      tag: widget.tag,
      attributes: widget.attributes
        .filter((attribute) => this.values[attribute.name] !== undefined)
        .map((attribute) => [attribute.name, this.values[attribute.name]]),
      lang: document.documentElement.lang,
    });
  }

  private async copy() {
    const code = this.code;
    try {
      await navigator.clipboard.writeText(code);
    } catch {
      // No clipboard permission (an http page, an old browser): select the text for Ctrl+C instead.
      this.renderRoot.querySelector('textarea')?.select();
    }
    this.copied = true;
  }

  /** The live preview: a real element of the kit's script, its attributes set one by one (never as HTML). */
  private preview() {
    const widget = this.widget;
    if (!widget) return nothing;
    const element = document.createElement(widget.tag);
    for (const [name, value] of Object.entries(this.values))
      element.setAttribute(name, value === true ? '' : value);
    return element;
  }

  private field(attribute: WidgetInfo['attributes'][number]) {
    const id = `attr-${attribute.name}`;
    const value = this.values[attribute.name];
    const hint = attribute.description
      ? html`<p class="hint" id="${id}-hint">
          ${attribute.description}${attribute.default ? ` (${attribute.default})` : ''}
        </p>`
      : nothing;
    const described = attribute.description ? `${id}-hint` : nothing;
    if (attribute.type === 'boolean') {
      return html`<div class="field check">
        <label for=${id}>
          <input
            id=${id}
            type="checkbox"
            aria-describedby=${described}
            .checked=${value === true}
            @change=${(e: Event) => this.set(attribute.name, (e.target as HTMLInputElement).checked ? true : undefined)}
          />
          ${attribute.name}
        </label>
        ${hint}
      </div>`;
    }
    const choices = choicesOf(attribute.type);
    if (choices) {
      return html`<div class="field">
        <label for=${id}>${attribute.name}</label>
        <select
          id=${id}
          aria-describedby=${described}
          @change=${(e: Event) => this.set(attribute.name, (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${value === undefined}>
            ${msg('(default)', { id: 'builder.default' })}
          </option>
          ${choices.map((choice) => html`<option value=${choice} ?selected=${value === choice}>${choice}</option>`)}
        </select>
        ${hint}
      </div>`;
    }
    const numeric = attribute.type.includes('number');
    return html`<div class="field">
      <label for=${id}>${attribute.name}</label>
      <input
        id=${id}
        type=${numeric ? 'number' : 'text'}
        aria-describedby=${described}
        placeholder=${attribute.default ?? ''}
        .value=${typeof value === 'string' ? value : ''}
        @input=${(e: Event) => this.set(attribute.name, (e.target as HTMLInputElement).value)}
      />
      ${hint}
    </div>`;
  }

  protected override render() {
    const widget = this.widget;
    const pledge = this.tag === 'samleng-pledge' || this.tag === 'samleng-pledge-count';
    return html`<header lang=${this.l10n.locale}>
        <h1>${msg('Samleng embed builder', { id: 'builder.title' })}</h1>
        <div class="row">${pageControls(this)}</div>
      </header>
      <main part="base" lang=${this.l10n.locale}>
        ${
          this.failed
            ? html`<p class="error" role="alert">
                ${msg('The receiver could not be reached. Try again.', { id: 'console.error.network' })}
              </p>`
            : nothing
        }
        <p>
          ${msg(
            'Pick a widget, fill in its settings, then copy the code into your page (in WordPress: a Custom HTML block).',
            {
              id: 'builder.intro',
            },
          )}
        </p>
        <div class="layout">
          <section class="card" aria-labelledby="settings">
            <h2 id="settings">${msg('Settings', { id: 'builder.settings' })}</h2>
            <div class="field">
              <label for="widget">${msg('Widget', { id: 'builder.widget' })}</label>
              <select id="widget" @change=${(e: Event) => this.pick((e.target as HTMLSelectElement).value)}>
                ${this.widgets.map((item) => html`<option value=${item.tag} ?selected=${item.tag === this.tag}>${item.tag}</option>`)}
              </select>
              ${widget?.summary ? html`<p class="hint">${widget.summary}</p>` : nothing}
            </div>
            ${
              pledge
                ? html`<p class="note">
                    ${msg(
                      'Your site’s address (such as https://www.example.org) must be in SAMLENG_ALLOWED_ORIGINS on this receiver, or the form cannot send pledges. Ask the receiver’s operator to add it.',
                      { id: 'builder.allowed-origins' },
                    )}
                  </p>`
                : nothing
            }
            ${widget?.attributes.map((attribute) => this.field(attribute))}
          </section>
          <div>
            <section class="card" aria-labelledby="preview">
              <h2 id="preview">${msg('Preview', { id: 'builder.preview' })}</h2>
              <div class="preview">${this.preview()}</div>
            </section>
            <section class="card" aria-labelledby="code-heading">
              <h2 id="code-heading">${msg('Code to copy', { id: 'builder.code' })}</h2>
              <label for="code" class="visually-hidden">${msg('Code to copy', { id: 'builder.code' })}</label>
              <textarea id="code" readonly .value=${this.code}></textarea>
              <div class="row">
                <button @click=${this.copy}>${msg('Copy the code', { id: 'builder.copy' })}</button>
                <span role="status">${this.copied ? msg('Copied.', { id: 'builder.copied' }) : nothing}</span>
              </div>
            </section>
          </div>
        </div>
        <p><a href="/console/">${msg('Organizers’ console', { id: 'builder.console-link' })}</a></p>
      </main>`;
  }
}
