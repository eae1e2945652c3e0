// What the receiver's browser tests share: the machine's Chromium and Firefox (scripts/browsers.mjs, never a
// downloaded browser), launched headless, and axe run on a whole page.
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';

/** The repository's root. */
export const ROOT = new URL('../../../../', import.meta.url);
const { findBrowsers, CHROMIUM_ARGS } = (await import(new URL('scripts/browsers.mjs', ROOT).href)) as {
  findBrowsers(): { chromium?: string; firefox?: string };
  CHROMIUM_ARGS: string[];
};
const AXE = readFileSync(new URL('node_modules/axe-core/axe.min.js', ROOT), 'utf8');

/** Where this machine's browsers are (undefined: not installed, and the tests that need it skip). */
export const browserPaths = findBrowsers();

/** The browser `name` of this machine, headless. */
export function launch(name: 'chromium' | 'firefox'): Promise<Browser> {
  const executablePath = browserPaths[name];
  return puppeteer.launch(
    name === 'chromium'
      ? { executablePath, headless: true, args: CHROMIUM_ARGS }
      : { browser: 'firefox', executablePath, headless: true },
  );
}

/** axe on the whole page (open shadow roots included); the CSP has no say over the test's own script. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${AXE}\n;0`);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
    ).axe;
    const result = await axe.run();
    return result.violations.map(
      (violation) =>
        `${violation.id} (${violation.nodes.length}) ${JSON.stringify(violation.nodes.map((n) => (n as { target: unknown }).target))}`,
    );
  });
}
