// The language and color-scheme pickers of the console and the builder. The language is the page's
// (`<html lang>`), which the kit's widgets follow too; the scheme is the `theme` of the page's elements.
import { html } from 'lit';
import { msg } from '@lit/localize';
import type { SamlengElement } from '@samleng/core';

const LANGUAGES = [
  ['en', 'English'],
  ['km', 'ខ្មែរ'],
  ['fr', 'Français'],
] as const;

/** Sets `<html lang>` (and remembers it on this device). */
export function setPageLanguage(lang: string): void {
  document.documentElement.lang = lang;
  try {
    localStorage.setItem('samleng-console-lang', lang);
  } catch {
    // storage refused (private mode): the choice lasts for this page only
  }
}

/** The language remembered, else the browser's if Samleng speaks it, else English. */
export function initialLanguage(): string {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem('samleng-console-lang');
  } catch {
    saved = null;
  }
  const wanted = (saved ?? navigator.language).slice(0, 2).toLowerCase();
  return LANGUAGES.some(([code]) => code === wanted) ? wanted : 'en';
}

/** Sets the theme on the host and the page (the page background follows `html[data-theme]`). */
function setTheme(host: SamlengElement, theme: string) {
  host.theme = theme === 'light' || theme === 'dark' ? theme : undefined;
  if (host.theme) document.documentElement.dataset.theme = host.theme;
  else delete document.documentElement.dataset.theme;
}

export function pageControls(host: SamlengElement) {
  const lang = document.documentElement.lang;
  return html`<label class="visually-hidden" for="lang">${msg('Language', { id: 'console.language' })}</label>
    <select id="lang" @change=${(e: Event) => setPageLanguage((e.target as HTMLSelectElement).value)}>
      ${LANGUAGES.map(([code, name]) => html`<option value=${code} lang=${code} ?selected=${code === lang}>${name}</option>`)}
    </select>
    <label class="visually-hidden" for="theme">${msg('Colors', { id: 'console.theme' })}</label>
    <select id="theme" @change=${(e: Event) => setTheme(host, (e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!host.theme}>
        ${msg('Colors: as the device', { id: 'console.theme.auto' })}
      </option>
      <option value="light" ?selected=${host.theme === 'light'}>
        ${msg('Colors: light', { id: 'console.theme.light' })}
      </option>
      <option value="dark" ?selected=${host.theme === 'dark'}>
        ${msg('Colors: dark', { id: 'console.theme.dark' })}
      </option>
    </select>`;
}
