// A rollup output plugin pair that prints, per file, the raw (unminified), minified, gzip (-9) and
// brotli sizes and the SHA-384 partners put in an `integrity` attribute.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const raw = new Map();

export const gzipSize = (code) => gzipSync(code, { level: 9 }).length;
export const brotliSize = (code) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
export const sri = (code) => `sha384-${createHash('sha384').update(code).digest('base64')}`;

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`.padStart(10);

export const sizeReport = {
  before: () => ({
    name: 'samleng-size-before',
    renderChunk(code, chunk, options) {
      raw.set(options.file ?? chunk.fileName, Buffer.byteLength(code));
      return null;
    },
  }),
  after: () => ({
    name: 'samleng-size-after',
    writeBundle(options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const file = options.file ?? output.fileName;
        const code = Buffer.from(output.code);
        console.log(
          `${file.padEnd(22)} raw ${kb(raw.get(file) ?? code.length)}  min ${kb(code.length)}  gzip ${kb(gzipSize(code))}  brotli ${kb(brotliSize(code))}\n${' '.repeat(23)}integrity="${sri(code)}"`,
        );
      }
    },
  }),
};
