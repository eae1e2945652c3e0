import type { Decorator, Preview, StoryContext } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { watchPageLocale } from '@samleng/core';
import manifest from '../custom-elements.json';

// Registers every tag the way a partner page does: through the drop-in entry, or, for the story check's
// loader pass (`?samleng-way=loader`, scripts/check-stories.mjs, which serves dist/ at /__samleng-dist/),
// through the built loader and its chunks, which define each tag once a story shows it.
if (new URLSearchParams(location.search).get('samleng-way') === 'loader') {
  await import(/* @vite-ignore */ `${location.origin}/__samleng-dist/samleng-loader.js`);
} else {
  await import('../packages/samleng/samleng.js');
}

// Docs and controls come from the elements' JSDoc (`npm run analyze` writes the manifest), reshaped
// for Storybook's table first (see `forStorybook` below).
setCustomElementsManifest(forStorybook(manifest as Manifest));

type Locale = 'en' | 'km' | 'fr';
type Theme = 'auto' | 'light' | 'dark';

const isSamleng = (el: Element) => el.localName.startsWith('samleng-');

/**
 * Forces the toolbar's theme on every widget in the story. It works on the rendered DOM rather than
 * on args so stories with several widgets, or with markup written by hand, follow it too. `auto`
 * hands the attribute back to the story's `theme` arg (or removes it), undoing an earlier override.
 */
function applyTheme(root: Element, theme: Theme, fromArgs: unknown): void {
  const wanted = theme === 'auto' ? (typeof fromArgs === 'string' ? fromArgs : undefined) : theme;
  for (const el of root.querySelectorAll('*')) {
    if (!isSamleng(el)) continue;
    if (wanted) el.setAttribute('theme', wanted);
    else el.removeAttribute('theme');
  }
}

const withTheme: Decorator = (story, context) => {
  const theme = (context.globals['theme'] ?? 'auto') as Theme;
  // The page background follows too, so a dark widget is seen (and contrast-checked) on a dark page.
  // Docs pages keep their own background: several stories share them.
  if (context.viewMode === 'story') document.body.dataset['samlengTheme'] = theme;
  const rendered = story();
  // The story is rendered synchronously right after the decorators return, so a microtask sees it.
  queueMicrotask(() => applyTheme(context.canvasElement, theme, context.args['theme']));
  return rendered;
};

// The preview page stands in for a partner's page: a plain sans-serif font (the widgets inherit the
// page's font) and colors per theme (`auto` follows the reader's setting, like the widgets).
const pageStyles = new CSSStyleSheet();
pageStyles.replaceSync(`
  body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Khmer', sans-serif; }
  body[data-samleng-theme='light'] { background: #fef7ff; color: #1d1b20; color-scheme: light; }
  body[data-samleng-theme='dark'] { background: #141218; color: #e6e0e9; color-scheme: dark; }
  @media (prefers-color-scheme: dark) {
    body[data-samleng-theme='auto'] { background: #141218; color: #e6e0e9; color-scheme: dark; }
  }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageStyles];

/** The parts of a custom-elements.json declaration used here. */
interface Documented {
  name: string;
  description?: string;
  type?: { text?: string };
  default?: string;
}
interface Declaration {
  tagName?: string;
  members?: (Documented & { kind?: string; privacy?: string; static?: boolean; attribute?: string })[];
  attributes?: (Documented & { fieldName?: string })[];
  slots?: Documented[];
  cssParts?: Documented[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/**
 * Storybook makes one table row per manifest entry, keyed by its bare name in a single object, so:
 * the part `heading` replaces the attribute `heading`; `timeZone` (member) and `time-zone`
 * (attribute) get a control each; private fields (`#when`, `l10n`) and methods are listed. This
 * returns a copy with one entry per attribute under its camelCase property name (the name the
 * stories' args use, with the attribute a partner writes in its description), only public properties
 * that have no attribute, and parts named `::part(name)`. Reshaping the input rather than the rows
 * keeps Storybook's own merge, in which argTypes written in a story win.
 */
function forStorybook(source: Manifest): Manifest {
  const reshape = (d: Declaration): Declaration => {
    if (!d.tagName) return d;
    const attributes = d.attributes ?? [];
    const fields = new Set(attributes.map((a) => a.fieldName));
    return {
      ...d,
      attributes: attributes.map((a) => {
        const name = a.fieldName ?? a.name;
        const note = name === a.name ? '' : `Attribute \`${a.name}\`. `;
        return { ...a, name, description: note + (a.description ?? '') };
      }),
      members: (d.members ?? []).filter(
        (m) =>
          m.kind === 'field' &&
          !m.static &&
          !m.attribute &&
          !fields.has(m.name) &&
          !m.name.startsWith('#') &&
          m.privacy !== 'private' &&
          m.privacy !== 'protected',
      ),
      cssParts: (d.cssParts ?? []).map((p) => ({ ...p, name: `::part(${p.name})` })),
      // The default slot has no name and Storybook leaves it out; stories describe their slot content.
      slots: (d.slots ?? []).map((slot) => (slot.name ? { ...slot, name: `slot="${slot.name}"` } : slot)),
    };
  };
  return {
    ...source,
    modules: source.modules.map((m) => ({ ...m, declarations: m.declarations?.map(reshape) })),
  };
}

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];
type InputType = ReturnType<ArgTypesEnhancer>[string];

/**
 * A control for a TypeScript type as the manifest writes it (`'light' | 'dark' | undefined`), which
 * Storybook does not read: it would offer a JSON editor. In object form, because Storybook expands
 * the `'text'` shorthand only in argTypes written in stories.
 */
function controlFor(typeText: string): Pick<InputType, 'control' | 'options'> {
  const literals = [...typeText.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  if (literals.length > 0) return { control: { type: 'select' }, options: literals };
  if (/^boolean\b/.test(typeText)) return { control: { type: 'boolean' } };
  if (/^number\b/.test(typeText)) return { control: { type: 'number' } };
  if (/^string\b/.test(typeText)) return { control: { type: 'text' } };
  return { control: false };
}

/** Controls for the manifest's rows that a story did not give one: by type for attributes, none for the rest. */
const controlsFromManifest: ArgTypesEnhancer = ({ argTypes }) => {
  const documentation = ['properties', 'events', 'css shadow parts', 'css custom properties'];
  return Object.fromEntries(
    Object.entries(argTypes).map(([key, argType]) => {
      if (argType.control !== undefined) return [key, argType];
      const category = argType.table?.category;
      if (category === 'attributes') {
        return [key, { ...argType, ...controlFor(argType.table?.type?.summary ?? '') }];
      }
      // Named slots from the manifest only: the stories' own slot-content args keep their inferred control.
      const manifestSlot = category === 'slots' && key.startsWith('slot="');
      if (manifestSlot || (category && documentation.includes(category))) {
        return [key, { ...argType, control: false }];
      }
      return [key, argType];
    }),
  );
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withTheme],
  argTypesEnhancers: [controlsFromManifest],
  globalTypes: {
    locale: {
      description: 'The page language (`<html lang>`), which the widgets follow',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'km', title: 'ខ្មែរ (Khmer)' },
          { value: 'fr', title: 'Français' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Forces `theme` on every widget, and the page background with it',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'auto', title: 'Auto (reader setting)' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'auto' },
  // Runs before every render, including re-renders on a toolbar change: the widgets then render in
  // the new language at once instead of rendering in the old one and switching a moment later.
  async beforeEach(context: StoryContext) {
    const locale = (context.globals['locale'] ?? 'en') as Locale;
    document.documentElement.lang = locale;
    await watchPageLocale(document);
  },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
