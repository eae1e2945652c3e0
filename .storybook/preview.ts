import type { Decorator, Preview, StoryContext } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { watchPageLocale } from '@samleng/core';
import manifest from '../custom-elements.json';
// Registers every tag the way a partner page does: through the drop-in entry.
import '../packages/samleng/samleng.ts';

// Docs and controls come from the elements' JSDoc (`npm run analyze` writes the manifest).
setCustomElementsManifest(manifest);

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

// The preview page's own colors, per theme (`auto` follows the reader's setting, like the widgets).
const pageStyles = new CSSStyleSheet();
pageStyles.replaceSync(`
  body[data-samleng-theme='light'] { background: #fef7ff; color: #1d1b20; color-scheme: light; }
  body[data-samleng-theme='dark'] { background: #141218; color: #e6e0e9; color-scheme: dark; }
  @media (prefers-color-scheme: dark) {
    body[data-samleng-theme='auto'] { background: #141218; color: #e6e0e9; color-scheme: dark; }
  }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageStyles];

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

interface ManifestMember {
  kind?: string;
  name: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}
interface ManifestAttribute {
  name: string;
  fieldName?: string;
}
interface ManifestDeclaration {
  tagName?: string;
  members?: ManifestMember[];
  attributes?: ManifestAttribute[];
}

function declarationOf(tag: unknown): ManifestDeclaration | undefined {
  if (typeof tag !== 'string') return undefined;
  for (const module of manifest.modules as { declarations?: ManifestDeclaration[] }[]) {
    const found = module.declarations?.find((d) => d.tagName === tag);
    if (found) return found;
  }
  return undefined;
}

/**
 * Storybook lists a manifest's members and attributes side by side: `timeZone` and `time-zone` both
 * get a control, and so do private fields (`#when`, `l10n`). Stories use camelCase args (one per
 * attribute), so this keeps one row per attribute under its property name, notes the attribute name
 * a partner writes, turns string-literal unions into selects, and hides what is not public API.
 */
const argTypesFromManifest: ArgTypesEnhancer = (context) => {
  const declaration = declarationOf(context.component);
  if (!declaration) return context.argTypes;
  const argTypes = { ...context.argTypes };
  for (const member of declaration.members ?? []) {
    const hidden = member.privacy === 'private' || member.privacy === 'protected' || member.static;
    if (hidden && argTypes[member.name])
      argTypes[member.name] = { ...argTypes[member.name], table: { disable: true } };
  }
  for (const attribute of declaration.attributes ?? []) {
    const field = attribute.fieldName;
    if (!field) continue;
    const fromAttribute = argTypes[attribute.name];
    const base = { ...argTypes[field], ...fromAttribute };
    if (field !== attribute.name) delete argTypes[attribute.name];
    const typeText = base.table?.type?.summary ?? '';
    const options = [...typeText.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    argTypes[field] = {
      ...base,
      name: field,
      description:
        field === attribute.name
          ? base.description
          : `Attribute \`${attribute.name}\`. ${base.description ?? ''}`,
      ...(base.control === undefined && options.length > 0 ? { control: 'select', options } : {}),
      ...(base.control === undefined && options.length === 0 && /^string\b/.test(typeText)
        ? { control: 'text' }
        : {}),
    };
  }
  return argTypes;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withTheme],
  argTypesEnhancers: [argTypesFromManifest],
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
