import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { define } from '../src/define.js';

const WARNED = Symbol.for('samleng.define.warned');
let n = 0;
const uniqueTag = () => `samleng-define-test-${++n}`;

describe('define', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
    Reflect.deleteProperty(globalThis, WARNED);
  });
  afterEach(() => warn.restore());

  it('registers a new tag', () => {
    const tag = uniqueTag();
    class A extends HTMLElement {}
    expect(define(tag, A)).to.equal(true);
    expect(customElements.get(tag)).to.equal(A);
    expect(warn.called).to.equal(false);
  });

  it('is silent when the same class is defined again (the same module evaluated twice)', () => {
    const tag = uniqueTag();
    class A extends HTMLElement {}
    define(tag, A);
    expect(define(tag, A)).to.equal(false);
    expect(warn.called).to.equal(false);
  });

  it('never throws when another copy defined the tag, and warns once for all tags', () => {
    const first = uniqueTag();
    const second = uniqueTag();
    customElements.define(first, class extends HTMLElement {});
    customElements.define(second, class extends HTMLElement {});
    expect(() => define(first, class extends HTMLElement {})).not.to.throw();
    expect(define(second, class extends HTMLElement {})).to.equal(false);
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.match(
      /^<samleng-define-test-\d+>: Samleng is loaded more than once/,
    );
  });

  it('warns instead of throwing when the registry refuses the definition', () => {
    class A extends HTMLElement {}
    // An invalid name makes customElements.define throw a SyntaxError.
    expect(define('not-valid-UPPER', A)).to.equal(false);
    expect(warn.callCount).to.equal(1);
  });
});
