// Takes a full-page screenshot of a URL in headless Chromium, to look at what readers see.
//   node scripts/screenshot.mjs http://localhost:8000/ shot.png [--width 390] [--dark] [--lang km]
//     [--selector 'samleng-countdown'] (one element instead of the whole page)
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowsers } from './browsers.mjs';

const [url, out = 'screenshot.png', ...rest] = process.argv.slice(2);
const option = (name) => {
  const i = rest.indexOf(`--${name}`);
  return i === -1 ? undefined : (rest[i + 1] ?? true);
};
if (!url) {
  console.error(
    'usage: node scripts/screenshot.mjs URL [out.png] [--width N] [--dark] [--lang xx] [--selector css]',
  );
  process.exit(2);
}

const browser = await puppeteer.launch({ executablePath: findBrowsers().chromium, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  page.on('console', (m) => ['error', 'warn'].includes(m.type()) && console.log(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  await page.setViewport({ width: Number(option('width') ?? 1024), height: 800 });
  if (rest.includes('--dark'))
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await page.goto(url, { waitUntil: 'networkidle0' });
  const lang = option('lang');
  if (typeof lang === 'string') await page.evaluate((l) => (document.documentElement.lang = l), lang);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const selector = option('selector');
  if (typeof selector === 'string') {
    const element = await page.$(selector);
    if (!element) throw new Error(`no element matches ${selector}`);
    await element.screenshot({ path: out });
  } else {
    await page.screenshot({ path: out, fullPage: true });
  }
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
