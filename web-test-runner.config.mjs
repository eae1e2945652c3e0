// Browser tests in the real Chromium and Firefox of this machine (never a downloaded browser).
// `npm test` runs the `unit` group with coverage, then the `dist` group against the built script.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { CHROMIUM_ARGS, findBrowsers } from './scripts/browsers.mjs';
import { receiverPlugin } from './test/receiver-plugin.mjs';
import { receiverMailPlugin } from './test/receiver-plugin-mail.mjs';

const { chromium, firefox } = findBrowsers();
const only = process.env.SAMLENG_BROWSERS?.split(',');
const wanted = (name) => !only || only.includes(name);

/**
 * Test files run side by side (they mostly wait on timers, the receiver and axe: one at a time left the
 * 2 cores a third busy). Each page is a window of its own, in a browser context of its own: a window is
 * visible, so it gets animation frames (a background tab gets none), and a context of its own keeps each
 * file's localStorage, IndexedDB, Web Locks and BroadcastChannel away from the others'.
 * Chromium only: SAMLENG_TEST_PAGES sets how many at once (default 2).
 */
const pagesAtOnce = Math.max(1, Number(process.env.SAMLENG_TEST_PAGES) || 2);
const createPage = async ({ browser }) => {
  const context = await browser.createBrowserContext();
  const page = await context.newPage({ type: 'window' });
  page.once('close', () => void context.close().catch(() => {}));
  return page;
};

const browsers = [];
if (chromium && wanted('chromium')) {
  browsers.push(
    chromeLauncher({
      concurrency: pagesAtOnce,
      createPage,
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  );
}
if (firefox && wanted('firefox')) {
  browsers.push(
    // One page at a time: Firefox gives keyboard focus to one window only, and sendKeys types into it.
    puppeteerLauncher({
      concurrency: 1,
      launchOptions: { browser: 'firefox', executablePath: firefox, headless: true },
    }),
  );
}

/**
 * The page each test file runs in. Before anything else it records Lit's dev-mode warnings, so the
 * harness (test/harness.ts) can fail the test that caused one.
 */
const testRunnerHtml = (testFramework) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <script>
      // Lit prints one "dev mode" notice by design; every other warning it issues is a bug of ours.
      window.litIssuedWarnings = new Set(['dev-mode']);
      window.__samlengLitWarnings = [];
      const warn = console.warn.bind(console);
      console.warn = (...args) => {
        const text = args.map(String).join(' ');
        if (text.includes('lit.dev/msg') || text.includes('Lit is in dev mode')) window.__samlengLitWarnings.push(text);
        warn(...args);
      };
    </script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;

export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  // Not 8000, where `npm start` serves the demo.
  port: 8765,
  nodeResolve: { exportConditions: ['source', 'development'] },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2021',
      // The plugin reads this file alone (no `extends`): it must hold the decorator settings itself.
      tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)),
    }),
    receiverPlugin(),
    receiverMailPlugin(),
  ],
  browsers,
  testRunnerHtml,
  // Generous limits: a busy 2-core CI machine starts Firefox slowly, and axe runs take seconds there.
  browserStartTimeout: 90_000,
  testsStartTimeout: 90_000,
  testsFinishTimeout: 300_000,
  // forbidOnly: an `.only` left in a file would switch off every other test (skips: test/harness.ts).
  testFramework: { config: { timeout: 20_000, forbidOnly: true } },
  coverageConfig: {
    include: ['packages/*/src/**/*.ts'],
    exclude: ['packages/*/src/generated/**', '**/node_modules/**'],
    threshold: { statements: 90, branches: 80, functions: 90, lines: 90 },
    reportDir: 'coverage',
    reporters: ['lcov', 'text-summary'],
  },
  groups: [
    // The receiver's tests run in Node (npm run test:receiver), not in a browser.
    { name: 'unit', files: ['packages/*/test/**/*.test.ts', '!packages/receiver/**'] },
    { name: 'dist', files: ['test/dist/**/*.test.html'] },
  ],
};
