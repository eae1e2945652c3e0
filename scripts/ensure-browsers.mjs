// Makes sure the browser tests have a local Chromium (or Chrome) and Firefox, and Khmer fonts.
// On Debian as root, installs Debian's packages; elsewhere says exactly what to install.
// No test tool here ever downloads a browser of its own.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowsers } from './browsers.mjs';

const isDebianRoot = existsSync('/etc/debian_version') && process.getuid?.() === 0;

const hasKhmerFont = () => {
  try {
    return /khmer/i.test(execSync('fc-list :lang=km family', { encoding: 'utf8' }));
  } catch {
    return false;
  }
};

const missing = () => {
  const { chromium, firefox } = findBrowsers();
  const packages = [];
  if (!chromium) packages.push('chromium');
  if (!firefox) packages.push('firefox-esr');
  if (process.platform === 'linux' && !hasKhmerFont()) packages.push('fonts-khmeros');
  return packages;
};

let packages = missing();
if (packages.length > 0 && isDebianRoot) {
  console.log(`Installing Debian packages for the browser tests: ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  const ok =
    run(['update', '-qq']) &&
    run(['install', '-y', '-qq', '--no-install-recommends', ...packages, 'fonts-noto-core']);
  if (!ok) console.error('apt-get failed; see above.');
  packages = missing();
}

if (packages.length > 0) {
  const { chromium, firefox } = findBrowsers();
  console.error(`
The browser tests need a local Chromium (or Chrome), Firefox and a Khmer font. Missing: ${packages.join(', ')}.
  Debian/Ubuntu: sudo apt-get install chromium firefox-esr fonts-khmeros
  Fedora:        sudo dnf install chromium firefox khmer-os-fonts
  macOS:         install Google Chrome and Firefox from their sites (Khmer fonts ship with macOS)
Or point the tests at your own binaries: CHROME_PATH=/path/to/chrome FIREFOX_PATH=/path/to/firefox npm test
(found: chromium=${chromium ?? 'none'}, firefox=${firefox ?? 'none'})`);
  process.exit(1);
}
