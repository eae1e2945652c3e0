/** The loader's table of chunks, written in at build (scripts/loader-plugins.mjs, loaderManifest()). */
declare module 'samleng:loader-manifest' {
  /** tag → [its entry chunk, its string chunks by locale], paths relative to the loader. */
  const chunks: Record<string, [entry: string, strings: Record<string, string>]>;
  export default chunks;
}
