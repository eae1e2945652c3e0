// Screenshots of the demo in every language and both schemes, section by section, to look at what
// readers see (issue 18's "Done when"). It switches language with the demo's own buttons, as a reader does.
//
//   npm start   (or any server of demo/ with dist/ beside it), then
//   node scripts/demo-screenshots.mjs [http://localhost:8000/] [--out bench/tmp/screens] [--width 390]
//     [--scale 2] [--langs en,km,fr] [--schemes light,dark] [--browser firefox]
//
// Writes <lang>-<scheme>-<part>.png: header, each section of <main>, the footer, the pledge's consent
// line at three times the size (where an underline meets Khmer subscripts), and the privacy page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowsers } from './browsers.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const base =
  args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'http://localhost:8000/';
const out = option('out', 'bench/tmp/screens');
const width = Number(option('width', 390));
const scale = Number(option('scale', 2));
const langs = option('langs', 'en,km,fr').split(',');
const schemes = option('schemes', 'light,dark').split(',');
const firefox = option('browser', 'chromium') === 'firefox';
const TILE = 800;
mkdirSync(out, { recursive: true });

// Firefox (WebDriver BiDi) cannot emulate the color scheme: it gets a browser of its own per scheme.
const launch = (scheme) =>
  firefox
    ? puppeteer.launch({
        browser: 'firefox',
        executablePath: findBrowsers().firefox,
        headless: true,
        extraPrefsFirefox: { 'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0 },
      })
    : puppeteer.launch({ executablePath: findBrowsers().chromium, args: CHROMIUM_ARGS });
const problems = [];
for (const scheme of schemes) {
  const browser = await launch(scheme);
  try {
    for (const lang of langs) {
      const page = await browser.newPage();
      page.on(
        'console',
        (m) => ['error', 'warn'].includes(m.type()) && problems.push(`${lang}: ${m.text()}`),
      );
      page.on('pageerror', (e) => problems.push(`${lang}: ${e.message}`));
      if (!firefox) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.setViewport({ width, height: 900, deviceScaleFactor: scale });
      await page.goto(new URL('index.html', base).href, { waitUntil: 'networkidle0' });
      const button = await page.$(`[data-lang="${lang}"]`);
      if (!button) throw new Error(`the demo has no language button for ${lang}`);
      await button.click();
      // Wait for the switch to reach the widgets (they re-render on the next frame).
      await page.waitForFunction((l) => document.documentElement.lang === l, {}, lang);
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Tall parts are cut into tiles of TILE CSS pixels (…-1.png, …-2.png), small enough to read.
      const shoot = async (selector, name) => {
        const element = await page.$(selector);
        if (!element) return problems.push(`${lang}: nothing matches ${selector}`);
        await element.scrollIntoView();
        const box = await element.boundingBox();
        const top = box.y + (await page.evaluate(() => window.scrollY));
        const tiles = Math.ceil(box.height / TILE);
        for (let i = 0; i < tiles; i++) {
          const height = Math.min(TILE, box.height - i * TILE);
          const suffix = tiles > 1 ? `-${i + 1}` : '';
          await page.screenshot({
            path: join(out, `${lang}-${scheme}-${name}${suffix}.png`),
            clip: { x: box.x, y: top + i * TILE, width: box.width, height },
            captureBeyondViewport: true,
          });
        }
      };
      await shoot('header', 'header');
      await shoot('main > h1', 'title');
      for (const id of await page.$$eval('main > section[id]', (all) => all.map((s) => s.id))) {
        await shoot(`#${id}`, id);
      }
      await shoot('footer', 'footer');
      // The consent line: its privacy link's underline against Khmer subscripts.
      const consent = await page.evaluateHandle(() =>
        document.querySelector('samleng-pledge')?.shadowRoot?.querySelector('[part~="consent"]'),
      );
      if (consent.asElement()) {
        await page.setViewport({ width, height: 900, deviceScaleFactor: scale * 1.5 });
        await consent.asElement().screenshot({ path: join(out, `${lang}-${scheme}-consent.png`) });
        await page.setViewport({ width, height: 900, deviceScaleFactor: scale });
      }
      // The privacy page the form links to, in the form's language.
      const privacy = await page.evaluate(
        () => document.querySelector('samleng-pledge')?.shadowRoot?.querySelector('a[part="privacy"]')?.href,
      );
      if (privacy) {
        await page.goto(privacy, { waitUntil: 'networkidle0' });
        await page.screenshot({ path: join(out, `${lang}-${scheme}-privacy.png`), fullPage: true });
      }
      await page.close();
      console.log(`${lang} ${scheme}: done`);
    }
  } finally {
    await browser.close();
  }
}
for (const problem of problems) console.log(`[console] ${problem}`);
console.log(`wrote ${out}/`);
