import '../../../test/harness.js';
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { html, render } from 'lit';
import { styleProps } from '../src/style-props.js';

describe('styleProps', () => {
  it('sets, changes and removes properties without writing a style attribute', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const draw = (props: Record<string, string | undefined>) =>
      render(html`<p ${styleProps(props)}>bar</p>`, host);
    draw({ '--_ratio': '0.25', background: 'rgb(1, 2, 3)' });
    const p = host.querySelector('p')!;
    expect(p.style.getPropertyValue('--_ratio')).to.equal('0.25');
    expect(p.style.background).to.equal('rgb(1, 2, 3)');
    draw({ '--_ratio': '0.5', background: undefined });
    expect(p.style.getPropertyValue('--_ratio')).to.equal('0.5');
    expect(p.style.background).to.equal('');
    draw({});
    expect(p.style.getPropertyValue('--_ratio')).to.equal('');
  });

  it('passes a strict style-src policy, which refuses style attributes', async () => {
    // The policy is the page's own: a <meta> added now governs what happens from here on.
    const violations: EventTarget[] = [];
    const listener = (event: SecurityPolicyViolationEvent) => violations.push(event.target!);
    document.addEventListener('securitypolicyviolation', listener);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src-attr 'none'";
    document.head.append(meta);
    try {
      render(html`<p ${styleProps({ '--_ratio': '0.75' })}></p>`, host);
      expect(host.querySelector('p')!.style.getPropertyValue('--_ratio')).to.equal('0.75');
      // A style attribute written afterwards is refused, and reported after any report the render
      // caused: when its report arrives, the only one must be its own.
      const canary = document.createElement('span');
      host.append(canary);
      const reported = oneEvent(document, 'securitypolicyviolation');
      canary.setAttribute('style', 'color: red');
      await reported;
      expect(violations).to.deep.equal([canary]);
    } finally {
      meta.remove();
      document.removeEventListener('securitypolicyviolation', listener);
    }
  });

  it('is only for elements', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    expect(() => render(html`<p>${styleProps({})}</p>`, host)).to.throw(/on an element/);
  });
});
