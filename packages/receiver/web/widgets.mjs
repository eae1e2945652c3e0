// The builder's form, cut from custom-elements.json: per widget tag its summary and attributes (name,
// type, default, description). Attributes a partner does not set by hand (none so far) would be left out here.

/** @returns {{tag: string, summary: string, attributes: {name: string, type: string, default?: string, description: string}[]}[]} */
export function widgetsFromManifest(manifest) {
  const widgets = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      widgets.push({
        tag: declaration.tagName,
        summary: declaration.summary ?? declaration.description ?? '',
        attributes: (declaration.attributes ?? []).map((attribute) => ({
          name: attribute.name,
          type: attribute.type?.text ?? 'string',
          ...(attribute.default !== undefined ? { default: attribute.default } : {}),
          description: attribute.description ?? '',
        })),
      });
    }
  }
  return widgets;
}
