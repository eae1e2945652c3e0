// `npm run bench:membership`: can anyone tell from the receiver whether an address had already pledged?
// The real `samleng-receiver` process (temporary database, confirmation by e-mail on, against a real SMTP
// server from `smtp-server` started here) gets, for the whole run, a pledge with an address that already
// pledged and one with a fresh address, alternately (which one first in each pair is random). Every answer
// is read: status, headers (names and values, `date` aside), body shape, time to the full answer; and the
// public count after each. Then: are the answers and counts the same for both, and do the timings differ
// (Mann-Whitney U and Kolmogorov-Smirnov, two-sided)? The verdict says whether anything tells them apart.
//   --seconds N (default 120)   --single: without mail settings (single opt-in), where the count does tell
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { sameSet, show, tally, timedPost } from './answers.mjs';
import { startReceiver } from './receiver.mjs';
import { kolmogorovSmirnov, mannWhitney, median } from './stats.mjs';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '120' }, single: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const seconds = Number(values.seconds);
if (!(seconds > 0)) throw new Error('--seconds must be a positive number');

// A real SMTP server that accepts everything (the mails are not what is measured here).
let mails = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => {
      mails++;
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpPort = smtp.server.address().port;

const dir = mkdtempSync(join(tmpdir(), 'samleng-membership-'));
const logPath = join(dir, 'receiver.log');
const { server, url } = await startReceiver(
  {
    SAMLENG_DB: join(dir, 'samleng.db'),
    SAMLENG_RATE_LIMIT: '1000000000',
    SAMLENG_LOG_LEVEL: 'warn',
    SAMLENG_ALLOWED_ORIGINS: 'https://partner.example',
    ...(values.single
      ? {}
      : {
          SAMLENG_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          SAMLENG_MAIL_FROM: 'Bench <bench@example.org>',
          SAMLENG_PUBLIC_URL: 'https://pledges.example.org',
        }),
  },
  logPath,
);

const campaign = 'membership';
// What someone testing an address learns comes from their FIRST post of it (after that it is known
// anyway): so each known address is posted once, as each new one is. The known ones pledged before the
// run; both kinds have the same length, so that only whether the receiver knew them differs.
const address = () => `fresh-${randomUUID()}@example.org`;
const known = Array.from({ length: Math.ceil(seconds * 150) }, address);
const pledge = (email) => ({
  id: randomUUID(),
  campaign,
  name: 'Sok Dara',
  email,
  consent: true,
  consentText: 'I agree that the campaign keeps my details.',
  locale: 'km',
  website: '',
});

async function postOne(body) {
  const { ms, status, headers, text } = await timedPost(`${url}/api/pledges`, body);
  let shape;
  try {
    const json = JSON.parse(text);
    // The id is the one posted, by design; its value aside, keys and types are the shape.
    if (json.id !== body.id) throw new Error('answer for another id');
    shape = Object.entries(json)
      .map(([key, value]) => `${key}:${key === 'id' ? 'posted-id' : JSON.stringify(value)}`)
      .sort()
      .join(',');
  } catch {
    shape = `unparsable:${text.slice(0, 40)}`;
  }
  return { ms, signature: `${status} ${headers} ${shape}` };
}

let lastCountMs = 0;
async function readCount() {
  const started = performance.now();
  const response = await fetch(`${url}/api/pledges/count?campaign=${campaign}`, { cache: 'no-store' });
  const { count } = await response.json();
  lastCountMs = performance.now() - started;
  return count;
}

try {
  // The known addresses pledge before the run (ten at a time), then a warm-up.
  for (let i = 0; i < known.length; i += 10) {
    await Promise.all(known.slice(i, i + 10).map((email) => postOne(pledge(email))));
  }
  for (let i = 0; i < 50; i++) await postOne(pledge(address()));
  let nextKnown = 0;
  const groups = {
    known: { ms: [], countMs: [], signatures: new Map(), deltas: new Map() },
    new: { ms: [], countMs: [], signatures: new Map(), deltas: new Map() },
  };
  const end = performance.now() + seconds * 1000;
  // Between the run's posts, the pending sorting (100–400 ms after each answer) happens at times of its own.
  let count = await readCount();
  while (performance.now() < end && nextKnown < known.length) {
    // Each post's kind by its own coin toss: what came before it says nothing of it.
    {
      const kind = Math.random() < 0.5 ? 'known' : 'new';
      const email = kind === 'known' ? known[nextKnown++] : address();
      const { ms, signature } = await postOne(pledge(email));
      const after = await readCount();
      groups[kind].ms.push(ms);
      groups[kind].countMs.push(lastCountMs); // the count read right after: does it take longer?
      tally(groups[kind].signatures, signature);
      tally(groups[kind].deltas, after - count);
      count = after;
    }
  }
  const { known: old, new: fresh } = groups;
  const answersAlike = sameSet(old.signatures, fresh.signatures);
  const countsAlike = sameSet(old.deltas, fresh.deltas);
  const mw = mannWhitney(old.ms, fresh.ms);
  const ks = kolmogorovSmirnov(old.ms, fresh.ms);
  const mwCount = mannWhitney(old.countMs, fresh.countMs);
  const ksCount = kolmogorovSmirnov(old.countMs, fresh.countMs);
  const alpha = 0.01;
  console.log(
    `mode: ${values.single ? 'single opt-in (no mail settings)' : 'confirmation by e-mail'}; ${seconds} s`,
  );
  console.log(
    `posts: ${old.ms.length} with a known address, ${fresh.ms.length} with a new one; mails sent: ${mails}`,
  );
  console.log(`answers (status, headers, body shape), known address:\n    ${show(old.signatures)}`);
  console.log(`answers, new address:\n    ${show(fresh.signatures)}`);
  console.log(
    `count change after each post: known ${JSON.stringify([...old.deltas])}, new ${JSON.stringify([...fresh.deltas])}`,
  );
  console.log(
    `time to the full answer: median known ${median(old.ms).toFixed(3)} ms, new ${median(fresh.ms).toFixed(3)} ms; ` +
      `Mann-Whitney p = ${mw.p.toFixed(3)} (z = ${mw.z.toFixed(2)}); Kolmogorov-Smirnov p = ${ks.p.toFixed(3)} (D = ${ks.d.toFixed(4)})`,
  );
  console.log(
    `time of the count read right after: median known ${median(old.countMs).toFixed(3)} ms, new ${median(fresh.countMs).toFixed(3)} ms; ` +
      `Mann-Whitney p = ${mwCount.p.toFixed(3)}; Kolmogorov-Smirnov p = ${ksCount.p.toFixed(3)}`,
  );
  const tells = [];
  if (!answersAlike) tells.push('the answers differ');
  if (!countsAlike) tells.push('the count moves differently');
  if (mw.p < alpha || ks.p < alpha) tells.push(`the answers' timings differ (p < ${alpha})`);
  if (mwCount.p < alpha || ksCount.p < alpha)
    tells.push(`the following count's timings differ (p < ${alpha})`);
  console.log(
    tells.length === 0
      ? 'verdict: nothing tells a known address from a new one (answers identical, counts identical, timings indistinguishable)'
      : `verdict: a known address CAN be told from a new one: ${tells.join('; ')}`,
  );
  if (tells.length > 0 && !values.single) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  smtp.close();
  rmSync(dir, { recursive: true, force: true });
}
