/**
 * Imported by every browser test file: fails the running test when Lit printed a dev-mode warning
 * (see the page set up in web-test-runner.config.mjs). Uncaught errors already fail the test run.
 */
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

export {};
