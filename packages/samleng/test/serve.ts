/**
 * Feeds served for real: the test writes each generated feed as a file under `fixtures/generated/`
 * (web-test-runner's built-in file command, which resolves paths next to the test file) and the
 * widget fetches it from the test server like any partner's feed, with real HTTP, headers and body
 * streaming. A `blob:` or `data:` URL would be simpler but every widget rightly refuses them as
 * `src` (safeUrl allows http, https and relative URLs only), and stubbing `fetch` would skip the
 * very code under test. The files are removed after the run; `fixtures/.gitignore` keeps strays out
 * of git if a run is killed.
 */
import { removeFile, writeFile } from '@web/test-runner-commands';

/** One name per run and browser, so Chromium and Firefox running at once never share a file. */
const RUN = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const written: string[] = [];

/**
 * Writes `body` as `fixtures/generated/<run>-<name>` and returns its URL on the test server.
 * @param testDir the test file's directory as served (`/packages/samleng/test`).
 */
export async function serve(name: string, body: string, testDir = '/packages/samleng/test'): Promise<string> {
  const path = `fixtures/generated/${RUN}-${name}`;
  await writeFile({ path, content: body });
  written.push(path);
  return `${testDir}/${path}`;
}

/** Writes several files at once (the test server handles the commands concurrently). */
export function serveAll(files: [name: string, body: string][]): Promise<string[]> {
  return Promise.all(files.map(([name, body]) => serve(name, body)));
}

/** Removes every file this run wrote. */
export async function removeServed(): Promise<void> {
  await Promise.all(written.splice(0).map((path) => removeFile({ path })));
}
