// `npm run bench:membership` (its second half): can anyone tell from the receiver whether an address is
// already subscribed to the alerts? As membership.mjs does for pledges: the real `samleng-receiver` process
// (temporary database, a real SMTP server from `smtp-server` started here) gets, for the whole run,
// sign-ups (`POST /api/subscriptions`) with an already subscribed address or a fresh one of the same
// length, each by its own coin toss. Every answer is read: status, headers (names and values, `date`
// aside), body, time to the full answer; and the time of a request right after it (the public pledge
// count: work the sign-up set off would delay it). Then: are the answers the same, and do the timings
// differ (Mann-Whitney U and Kolmogorov-Smirnov, two-sided)? The mails that arrive show that the receiver
// did tell them apart where only each address's owner sees it ("already subscribed" or a confirmation).
//
// The pool of subscribed addresses is written into the database before the receiver starts, as the rows a
// confirmation leaves (address, its HMAC under the receiver's key, confirmed_at): the receiver sends its
// mails one at a time (about 9 a second here), so confirming thousands through their mails would take
// longer than the run. A check through the real flow comes first: 20 of them sign up again and must each
// get "already subscribed".
//   --seconds N (default 120)   --single: alerts need e-mail, so there is nothing to measure (said, exit 0)
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SMTPServer } from 'smtp-server';
import { emailHasher } from '../dist/src/email-hash.js';
import { sameSet, show, tally, timedPost } from './answers.mjs';
import { startReceiver } from './receiver.mjs';
import { kolmogorovSmirnov, mannWhitney, median } from './stats.mjs';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '120' }, single: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const seconds = Number(values.seconds);
if (!(seconds > 0)) throw new Error('--seconds must be a positive number');
if (values.single) {
  console.log(
    'subscriptions: alerts need mail settings (without them the sign-up answers 503): not measured',
  );
  process.exit(0);
}

// A real SMTP server that accepts everything; each mail's subject is counted by what its recipient was.
const kindOf = new Map(); // address → 'check', 'subscribed' or 'new' (the warm-up's are 'other')
const mails = new Map();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const to = session.envelope.rcptTo[0]?.address ?? '';
    let head = '';
    stream.on('data', (chunk) => {
      if (head.length < 4096) head += chunk;
    });
    stream.on('end', () => {
      const subject = /^Subject: (.*)$/im.exec(head)?.[1]?.trim() ?? '(none)';
      const key = `${kindOf.get(to) ?? 'other'}: ${subject}`;
      mails.set(key, (mails.get(key) ?? 0) + 1);
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpPort = smtp.server.address().port;

const dir = mkdtempSync(join(tmpdir(), 'samleng-membership-subscriptions-'));
const dbPath = join(dir, 'samleng.db');
const env = {
  SAMLENG_DB: dbPath,
  SAMLENG_RATE_LIMIT: '1000000000',
  SAMLENG_LOG_LEVEL: 'warn',
  SAMLENG_ALLOWED_ORIGINS: 'https://partner.example',
  SAMLENG_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  SAMLENG_MAIL_FROM: 'Bench <bench@example.org>',
  SAMLENG_PUBLIC_URL: 'https://alerts.example.org',
};
// The receiver's e-mail key, written first so that this script can make the addresses' HMACs.
const key = randomBytes(32);
writeFileSync(`${dbPath}.key`, `${key.toString('base64')}\n`, { mode: 0o600 });
const hash = emailHasher(key);

// Each address is posted once in the run (what a tester learns comes from the first post of it); subscribed
// and new ones have the same length, so only whether the receiver knew them differs.
const address = () => `fresh-${randomUUID()}@example.org`;
// Enough for the run at about 200 posts a second (it ends early, and says so, if they run out).
const known = Array.from({ length: Math.ceil(seconds * 200) + 20 }, address);
const check = known.splice(0, 20);

// A first start creates the schema; then the pool is written in, and the receiver started again.
const first = await startReceiver(env, join(dir, 'receiver-0.log'));
first.server.kill('SIGTERM');
await new Promise((resolve) => first.server.once('exit', resolve));
{
  const db = new Database(dbPath);
  const insert = db.prepare(
    `INSERT INTO subscribers (id, email, email_hash, language, partner, consent_text, created_at, confirmed_at)
     VALUES (?, ?, ?, 'en', '', 'Send me urgent actions by e-mail.', ?, ?)`,
  );
  const at = new Date().toISOString();
  db.transaction(() => {
    for (const email of [...check, ...known]) insert.run(randomUUID(), email, hash(email), at, at);
  })();
  db.close();
}
const { server, url } = await startReceiver(env, join(dir, 'receiver.log'));

const signUp = (email) => ({
  id: randomUUID(),
  email,
  language: 'en',
  consent: true,
  consentText: 'Send me urgent actions by e-mail.',
  website: '',
});

async function postOne(body) {
  const { ms, status, headers, text } = await timedPost(`${url}/api/subscriptions`, body);
  return { ms, signature: `${status} ${headers} ${text}` };
}

async function nextRequestMs() {
  const started = performance.now();
  const response = await fetch(`${url}/api/pledges/count?campaign=membership`, { cache: 'no-store' });
  await response.text();
  return performance.now() - started;
}

const until = async (done, what, timeoutMs) => {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

try {
  // Through the real flow first: 20 of the pool sign up again, and each must get "already subscribed".
  for (const email of check) kindOf.set(email, 'check');
  await Promise.all(check.map((email) => postOne(signUp(email))));
  const checked = () => mails.get('check: You are already subscribed') ?? 0;
  await until(() => checked() === check.length, '20 "already subscribed" mails', 60_000);
  for (let i = 0; i < 50; i++) await postOne(signUp(address())); // warm-up
  console.log(
    `subscriptions: ${known.length} subscribed addresses; 20 of them checked through the real flow`,
  );

  const groups = {
    known: { ms: [], nextMs: [], signatures: new Map() },
    new: { ms: [], nextMs: [], signatures: new Map() },
  };
  let nextKnown = 0;
  const begin = performance.now();
  const end = begin + seconds * 1000;
  while (performance.now() < end && nextKnown < known.length) {
    const kind = Math.random() < 0.5 ? 'known' : 'new';
    const email = kind === 'known' ? known[nextKnown++] : address();
    kindOf.set(email, kind === 'known' ? 'subscribed' : 'new');
    const { ms, signature } = await postOne(signUp(email));
    groups[kind].ms.push(ms);
    groups[kind].nextMs.push(await nextRequestMs());
    tally(groups[kind].signatures, signature);
  }
  const ranFor = (performance.now() - begin) / 1000;
  const { known: old, new: fresh } = groups;
  // Their mails go one at a time, 1–5 s after the sorting: those that arrive within 15 s are counted.
  await new Promise((resolve) => setTimeout(resolve, 15_000));

  const answersAlike = sameSet(old.signatures, fresh.signatures);
  const mw = mannWhitney(old.ms, fresh.ms);
  const ks = kolmogorovSmirnov(old.ms, fresh.ms);
  const mwNext = mannWhitney(old.nextMs, fresh.nextMs);
  const ksNext = kolmogorovSmirnov(old.nextMs, fresh.nextMs);
  const alpha = 0.01;
  console.log(`subscriptions: confirmation by e-mail (alerts need it); ${seconds} s`);
  console.log(
    `subscriptions: posts: ${old.ms.length} with a subscribed address, ${fresh.ms.length} with a new one, in ${ranFor.toFixed(1)} s`,
  );
  console.log(
    `subscriptions: answers (status, headers, body), subscribed address:\n    ${show(old.signatures)}`,
  );
  console.log(`subscriptions: answers, new address:\n    ${show(fresh.signatures)}`);
  console.log(
    `subscriptions: mails within 15 s of the run's end, by recipient and subject (only each address's owner sees theirs): ${JSON.stringify(Object.fromEntries(mails))}`,
  );
  console.log(
    `subscriptions: time to the full answer: median subscribed ${median(old.ms).toFixed(3)} ms, new ${median(fresh.ms).toFixed(3)} ms; ` +
      `Mann-Whitney p = ${mw.p.toFixed(3)} (z = ${mw.z.toFixed(2)}); Kolmogorov-Smirnov p = ${ks.p.toFixed(3)} (D = ${ks.d.toFixed(4)})`,
  );
  console.log(
    `subscriptions: time of the request right after: median subscribed ${median(old.nextMs).toFixed(3)} ms, new ${median(fresh.nextMs).toFixed(3)} ms; ` +
      `Mann-Whitney p = ${mwNext.p.toFixed(3)}; Kolmogorov-Smirnov p = ${ksNext.p.toFixed(3)}`,
  );
  const tells = [];
  const wrong = [...mails.keys()].filter(
    (key) =>
      (key.startsWith('subscribed:') && !key.endsWith('You are already subscribed')) ||
      (key.startsWith('new:') && key.endsWith('You are already subscribed')),
  );
  if (wrong.length > 0) throw new Error(`the receiver sorted addresses wrongly: ${wrong.join('; ')}`);
  if (!answersAlike) tells.push('the answers differ');
  if (mw.p < alpha || ks.p < alpha) tells.push(`the answers' timings differ (p < ${alpha})`);
  if (mwNext.p < alpha || ksNext.p < alpha) tells.push(`the next request's timings differ (p < ${alpha})`);
  console.log(
    tells.length === 0
      ? 'subscriptions verdict: nothing tells a subscribed address from a new one (answers identical, timings indistinguishable)'
      : `subscriptions verdict: a subscribed address CAN be told from a new one: ${tells.join('; ')}`,
  );
  if (tells.length > 0) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  smtp.close();
  rmSync(dir, { recursive: true, force: true });
}
