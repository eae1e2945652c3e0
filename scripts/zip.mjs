// Writes dist/samleng-<version>.zip, what a partner needs to host Samleng on their own domain:
//   samleng-<version>/samleng.js, samleng.iife.js   the two builds, as in dist/
//   samleng-<version>/samleng-loader.js, chunks/    the loader way: the loader and its chunks, side by side
//   samleng-<version>/SHA384SUMS                    `sha384sum -c SHA384SUMS` checks them
//   samleng-<version>/LICENSE                       MIT
//   samleng-<version>/HOW-TO-SELF-HOST.md           where to put them, the snippet with `integrity`
// Run by `npm run build` after the bundle. The zip is written here (no dependency): deflated entries,
// CRC-32 from node:zlib, every file dated from SOURCE_DATE_EPOCH or the last commit, so the same
// sources give the same bytes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { sri } from './size-report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(await readFile(`${root}packages/samleng/package.json`, 'utf8'));
// The loader resolves its chunks from its own URL: they travel together, chunks/ beside the loader.
const chunks = (await readdir(`${root}dist/chunks`)).filter((name) => name.endsWith('.js')).sort();
const scripts = [
  'samleng.js',
  'samleng.iife.js',
  'samleng-loader.js',
  ...chunks.map((name) => `chunks/${name}`),
];
const built = await Promise.all(scripts.map((name) => readFile(`${root}dist/${name}`)));
// SHA384SUMS wants hex; the integrity attribute, the build's own `sri`.
const sha384 = (data) => createHash('sha384').update(data).digest('hex');

const sums = scripts.map((name, i) => `${sha384(built[i])}  ${name}\n`).join('');

const howTo = `# Hosting Samleng ${version} yourself

Put Samleng on your own site so your pages depend on no one else's domain.

1. Check the files: \`sha384sum -c SHA384SUMS\` (on macOS \`shasum -a 384 -c SHA384SUMS\`) must say OK for each.
2. Upload the whole folder (\`samleng.js\`, \`samleng.iife.js\`, \`samleng-loader.js\` and \`chunks/\`) to your site, in a folder
   named after the version, e.g. \`/samleng/${version}/\`. A new version goes in a new folder, so the files
   can be cached for a long time (\`Cache-Control: public, max-age=31536000, immutable\`).
3. Serve them as \`text/javascript\`. If the pages that use them are on another domain than the files,
   the files must be sent with \`Access-Control-Allow-Origin: *\`: a \`type="module"\` script is always
   fetched with CORS, and so is any script with \`integrity\`.
4. Add one line to your pages (the \`integrity\` value makes the browser refuse a file that was changed):

\`\`\`html
<script
  type="module"
  src="/samleng/${version}/samleng.js"
  integrity="${sri(built[0])}"
  crossorigin="anonymous"
></script>
\`\`\`

For a page that cannot use modules, the classic build:

\`\`\`html
<script
  defer
  src="/samleng/${version}/samleng.iife.js"
  integrity="${sri(built[1])}"
  crossorigin="anonymous"
></script>
\`\`\`

### Lighter pages: the loader

\`samleng.js\` holds every widget in every language (about 49 KB compressed). A page that shows one or two
widgets can load \`samleng-loader.js\` instead (under 1 KB): it fetches from \`chunks/\` (keep that folder
beside it) only the code and the language the page shows, about 18–31 KB for one widget.

\`\`\`html
<script
  type="module"
  src="/samleng/${version}/samleng-loader.js"
  integrity="${sri(built[2])}"
  crossorigin="anonymous"
></script>
\`\`\`

\`integrity\` covers the loader only; the chunks are named by the hash of their content, but the browser
does not check them against it. If every byte your pages run must be verified, use \`samleng.js\`.
The partner guide (\`docs/partners.md\`) has the \`<link rel="modulepreload">\` lines that fetch a page's
chunks at once.

Then write the widgets with attributes, e.g.
\`<samleng-countdown heading="Cambodia's 5th UN human-rights review" date="2029-05-01" time-zone="Europe/Zurich"></samleng-countdown>\`.
Each widget's attributes, theming, the Content-Security-Policy your page needs and what is stored about
readers are in the partner guide, \`docs/partners.md\` in the Samleng repository.

The files make no request of their own: only the feeds and the pledge receiver you name in attributes
are contacted. Samleng is free software under the MIT license (LICENSE).
`;

const entries = [
  ...scripts.map((name, i) => [name, built[i]]),
  ['SHA384SUMS', Buffer.from(sums)],
  ['LICENSE', await readFile(`${root}LICENSE`)],
  ['HOW-TO-SELF-HOST.md', Buffer.from(howTo)],
];

/** The build's date: SOURCE_DATE_EPOCH, else the last commit's, else now. */
function buildDate() {
  if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000);
  try {
    const seconds = execFileSync('git', ['log', '-1', '--format=%ct'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return new Date(Number(seconds.trim()) * 1000);
  } catch {
    return new Date();
  }
}

/** The date and time in the MS-DOS form zip uses (local fields, read as UTC here: no time zone). */
function dosDateTime(date) {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

/** A zip file (PKWARE APPNOTE 4.3): local headers and data, then the central directory. */
function zip(files, date) {
  const { time, day } = dosDateTime(date);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of files) {
    const fileName = Buffer.from(name);
    const data = zlib.deflateRawSync(content, { level: 9 });
    const crc = zlib.crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const folder = `samleng-${version}`;
const file = `dist/${folder}.zip`;
const archive = zip(
  entries.map(([name, content]) => [`${folder}/${name}`, content]),
  buildDate(),
);
await writeFile(`${root}${file}`, archive);
console.log(
  `${file.padEnd(22)} ${(archive.length / 1024).toFixed(2)} KB: ${entries.map(([name]) => name).join(', ')}`,
);
