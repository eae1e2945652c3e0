/**
 * Inline style properties for a strict Content-Security-Policy.
 *
 * A page whose policy has no 'unsafe-inline' in style-src refuses every `style` attribute, including
 * the one Lit's `styleMap` writes on its first render (it sets the CSSOM only on later updates). This
 * directive always goes through `style.setProperty`, which no policy restricts:
 * `<div ${styleProps({ '--_ratio': '0.5' })}>`.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

export type StyleProps = Readonly<Record<string, string | undefined>>;

class StylePropsDirective extends Directive {
  #set = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT)
      throw new Error('styleProps() is written on an element: <div ${styleProps(…)}>');
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of this.#set) if (props[name] === undefined) style.removeProperty(name);
    this.#set = new Set();
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.#set.add(name);
    }
    return noChange;
  }
}

/** Sets CSS properties (custom ones too) on the element through the CSSOM, never its `style` attribute. */
export const styleProps = directive(StylePropsDirective);
