// What the console's tables of people share (the pledges, the alert subscribers): a search form, a table
// that scrolls sideways on a phone, and "page 2 of 5" with previous/next. Pages count from 1 here.
import { css, html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

export const tableStyles = css`
  .scroll {
    overflow-x: auto;
    margin-block: var(--_space);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  td {
    overflow-wrap: break-word !important;
  }
  th,
  td {
    text-align: start !important;
    vertical-align: top;
    padding: 0.4em;
    border-bottom: 1px solid var(--_surface-alt);
  }
  form[role='search'] {
    display: flex;
    gap: 0.5em;
    align-items: end;
    flex-wrap: wrap;
  }
  form[role='search'] > div {
    flex: 1 1 12em;
  }
`;

/** The search form; `onSearch` gets the trimmed text. */
export function searchForm(label: string, value: string, onSearch: (q: string) => void): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onSearch(String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim());
  };
  return html`<form role="search" @submit=${submit}>
    <div>
      <label for="q">${label}</label>
      <input id="q" name="q" type="search" autocomplete="off" .value=${value} />
    </div>
    <button type="submit">${msg('Search', { id: 'console.table.search-button' })}</button>
  </form>`;
}

/** Previous / next page buttons; `page` from 1. */
export function pager(page: number, pages: number, go: (page: number) => void): TemplateResult {
  return html`<div class="row">
    <button class="secondary" ?disabled=${page <= 1} @click=${() => go(page - 1)}>
      ${msg('Previous page', { id: 'console.table.previous' })}
    </button>
    <button class="secondary" ?disabled=${page >= pages} @click=${() => go(page + 1)}>
      ${msg('Next page', { id: 'console.table.next' })}
    </button>
  </div>`;
}
