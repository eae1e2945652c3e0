// custom-elements.json, from the JSDoc header of each element class (the API's one source).
export default {
  globs: ['packages/*/src/**/*.ts', 'packages/*/samleng-*.ts'],
  exclude: [
    'packages/*/src/generated/**',
    'packages/*/test/**',
    'packages/core/src/format/**',
    'packages/receiver/**',
  ],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
