// The confirmation page of an alert subscription (#19 follow-up), on either store: an expired link, or one
// whose subscription is gone, says "subscribe again", in the reader's language, never the pledges' "pledge
// again"; an unknown pledge link keeps the pledges' words.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { start } from './helpers.js';
import { startSmtp } from './smtp.js';

const smtp = await startSmtp();
let clock = Date.now();
const { url } = await start({
  mail: {
    smtpUrl: smtp.url,
    from: 'Coalition <alerts@example.org>',
    publicUrl: 'https://alerts.example.org',
  },
  sendDelay: () => 0,
  confirmDays: 7,
  now: () => new Date(clock),
});

async function subscribe(email: string, language: string): Promise<string> {
  const response = await fetch(`${url}/api/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://partner.example' },
    body: JSON.stringify({ id: randomUUID(), email, language, consent: true, consentText: 'Alerts.' }),
  });
  assert.equal(response.status, 202);
  await smtp.until(() => smtp.to(email).length === 1);
  const token = /\/confirm\/([A-Za-z0-9_-]+)/.exec(smtp.to(email)[0].text)?.[1];
  assert.ok(token);
  return token;
}

/** The page's title and message for `token`, by GET and by POST (its button), in `language`. */
async function pages(token: string, language: string) {
  const seen = [];
  for (const method of ['GET', 'POST']) {
    const response = await fetch(`${url}/confirm/${token}`, {
      method,
      headers: {
        'accept-language': language,
        ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(method === 'POST' ? { body: '' } : {}),
    });
    const html = await response.text();
    seen.push({
      status: response.status,
      lang: /<html lang="([^"]+)"/.exec(html)?.[1],
      title: /<h1>([^<]*)<\/h1>/.exec(html)?.[1],
      message: /<p role="status">([^<]*)<\/p>/.exec(html)?.[1],
    });
  }
  assert.deepEqual(seen[1], seen[0], 'GET and POST say the same');
  return seen[0];
}

describe('the subscription confirmation page', () => {
  it('an expired link says “subscribe again” in en, km and fr; a pledge link keeps its words', async () => {
    const tag = randomUUID().slice(0, 8);
    const tokens = {
      en: await subscribe(`en-${tag}@example.org`, 'en'),
      km: await subscribe(`km-${tag}@example.org`, 'km'),
      fr: await subscribe(`fr-${tag}@example.org`, 'fr'),
    };
    clock += 8 * 86_400_000; // past SAMLENG_CONFIRM_DAYS
    const expected = {
      en: {
        title: 'Confirm your subscription',
        message:
          'This link is not valid any more: it may have expired. You can subscribe to urgent-action alerts again on the page where you first signed up.',
      },
      km: {
        title: 'បញ្ជាក់ការចុះឈ្មោះរបស់អ្នក',
        message:
          'តំណនេះលែងមានសុពលភាពទៀតហើយ៖ វាប្រហែលជាផុតកំណត់ហើយ។ អ្នកអាចចុះឈ្មោះទទួលការជូនដំណឹងអំពីសកម្មភាពបន្ទាន់ម្តងទៀត នៅលើទំព័រដែលអ្នកបានចុះឈ្មោះលើកមុន។',
      },
      fr: {
        title: 'Confirmez votre inscription',
        message:
          'Ce lien n’est plus valable : il a peut-être expiré. Vous pouvez vous inscrire de nouveau aux alertes d’action urgente sur la page où vous les aviez demandées.',
      },
    };
    for (const language of ['en', 'km', 'fr'] as const) {
      assert.deepEqual(await pages(tokens[language], language), {
        status: 404,
        lang: language,
        ...expected[language],
      });
    }
    // An unknown pledge link (the pledges' tokens have no prefix) still says "pledge again".
    const pledge = await pages(randomBytes(24).toString('base64url'), 'fr');
    assert.equal(pledge.title, 'Confirmez votre engagement');
    assert.match(pledge.message ?? '', /vous engager de nouveau/);
  });
});
