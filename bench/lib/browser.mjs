// Headless Chromium for the benchmarks: the machine's own (scripts/browsers.mjs), with the project's flags.
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowsers } from '../../scripts/browsers.mjs';

/** A phone-sized viewport: most readers are on phones, and layout shift is a share of the viewport. */
export const PHONE = { width: 412, height: 915, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

export async function launch() {
  const executablePath = findBrowsers().chromium;
  if (!executablePath) {
    console.error('No Chromium found (set CHROME_PATH).');
    process.exit(1);
  }
  return puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** A page in a fresh browser context: no HTTP cache, no code cache, no storage from earlier loads. */
export async function freshPage(browser, viewport = PHONE) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  return { page, close: () => context.close() };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The browser's product and version, e.g. `Chrome/156.0.8078.108` (HeadlessChrome for the headless shell). */
export async function browserVersion() {
  const browser = await launch();
  try {
    return await browser.version();
  } finally {
    await browser.close();
  }
}

/**
 * Starts one trace of the whole browser (all its tabs) with the given categories; `stop()` resolves to its
 * events. One trace for many page loads saves a start and a stop per load.
 */
export async function startTrace(browser, categories) {
  const cdp = await browser.target().createCDPSession();
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: categories },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return events;
    },
  };
}
