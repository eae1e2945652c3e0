import '../../../test/harness.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emit } from '../src/emit.js';

declare global {
  interface HTMLElementEventMap {
    'samleng-test-happened': CustomEvent<{ answer: number }>;
  }
}

describe('emit', () => {
  it('dispatches a bubbling, composed CustomEvent that crosses shadow roots', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    const heard = oneEvent(document, 'samleng-test-happened');
    emit(inner, 'samleng-test-happened', { answer: 42 });
    const event = await heard;
    expect(event.detail).to.deep.equal({ answer: 42 });
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.cancelable).to.equal(false);
    expect(event.target).to.equal(outer);
  });

  it('reports preventDefault on a cancelable event', async () => {
    const el = await fixture<HTMLDivElement>(html`<div></div>`);
    el.addEventListener('samleng-test-happened', (event) => event.preventDefault());
    expect(emit(el, 'samleng-test-happened', { answer: 1 }, { cancelable: true })).to.equal(false);
    expect(emit(el, 'samleng-test-happened', { answer: 1 })).to.equal(true);
  });
});
