/**
 * Imported by every browser test file: fails the running test when Lit printed a dev-mode warning
 * (see the page set up in web-test-runner.config.mjs), and the file when a test was skipped. Uncaught
 * errors already fail the test run.
 */
import sinon from 'sinon';

declare global {
  interface Window {
    __samlengLitWarnings: string[];
  }
}

afterEach(function () {
  const warnings = window.__samlengLitWarnings.splice(0);
  if (warnings.length > 0) {
    throw new Error(
      `Lit dev-mode warning(s) during "${this.currentTest?.fullTitle() ?? ''}":\n${warnings.join('\n')}`,
    );
  }
});

// No test is switched off quietly: a skipped one (`it.skip`, `describe.skip`, `this.skip()`) fails the
// file, and `.only`, which would switch off all the others, is refused (forbidOnly in
// web-test-runner.config.mjs). A test that cannot run here is fixed or deleted, never left skipped.
after(function () {
  const skipped: string[] = [];
  const visit = (suite: Mocha.Suite) => {
    for (const test of suite.tests) if (test.isPending()) skipped.push(test.fullTitle());
    suite.suites.forEach(visit);
  };
  visit(this.test!.parent!);
  if (skipped.length > 0)
    throw new Error(`skipped (fix the test or delete it, never switch it off):\n${skipped.join('\n')}`);
});

/** Whether a console warning is Lit's own (the same test as the page's in web-test-runner.config.mjs). */
const isLitWarning = (text: string) => text.includes('lit.dev/msg') || text.includes('Lit is in dev mode');

/**
 * Silences `console.warn` for a test with a sinon stub (restored by `sinon.restore()` or the stub's
 * own `restore()`), which records every call. Lit's own warnings go on to the original, so that the
 * harness still fails the test on them; every other warning is passed to `onOther`, if given, with
 * the arguments it was printed with.
 */
export function stubWarn(onOther?: (args: unknown[]) => void): sinon.SinonStub {
  const original = console.warn;
  return sinon.stub(console, 'warn').callsFake((...args: unknown[]) => {
    if (isLitWarning(args.map(String).join(' '))) original.apply(console, args);
    else onOther?.(args);
  });
}
