// Summaries of repeated measurements, and helpers the bench scripts share.
import { pathToFileURL } from 'node:url';

/** Median and spread of `values`: quantiles by linear interpolation between the sorted values. */
export function summarize(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  const at = (q) => {
    if (!n) return NaN;
    const i = q * (n - 1);
    const lo = Math.floor(i);
    return sorted[lo] + (sorted[Math.min(lo + 1, n - 1)] - sorted[lo]) * (i - lo);
  };
  return { n, min: at(0), p25: at(0.25), median: at(0.5), p75: at(0.75), max: at(1) };
}

/** `12.3 ms [10.1 11.2–13.0 19.9]`: median, then min, p25–p75, max. */
export function spread(s, unit = 'ms', digits = 1) {
  const f = (v) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
  return `${f(s.median)} ${unit} [${f(s.min)} ${f(s.p25)}–${f(s.p75)} ${f(s.max)}]`;
}

/** True when the module at `url` is the script Node was started with (run alone, not imported). */
export const isMain = (url) => process.argv[1] && pathToFileURL(process.argv[1]).href === url;
