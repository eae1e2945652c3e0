/** A setting that stops the start, with a message saying what to fix. */
export class ConfigError extends Error {}
