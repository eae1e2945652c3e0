import '../../../test/harness.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  closeReceiver,
  receiverRows,
  restartReceiver,
  startReceiver,
  stopReceiver,
  uniqueCampaign,
} from '../../../test/receiver.js';
import type { ReceiverHandle } from '../../../test/receiver.js';

// The bridge to the real receiver itself (test/receiver-plugin.mjs), as the pledge tests rely on it.
describe('the test receiver bridge', () => {
  let receiver: ReceiverHandle | undefined;
  afterEach(async () => {
    if (receiver) await closeReceiver(receiver.id);
    receiver = undefined;
  });

  // `no-store`: counts are cacheable for 5 s, and this test must see the receiver, not the HTTP cache.
  const count = async (campaign: string) => {
    const response = await fetch(`${receiver!.endpoint}/count?campaign=${campaign}`, { cache: 'no-store' });
    expect(response.status).to.equal(200);
    return ((await response.json()) as { count: number }).count;
  };

  it('keeps pledges across a stop and a restart on the same port', async () => {
    receiver = await startReceiver();
    expect(receiver.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(receiver.endpoint).to.equal(`${receiver.url}/api/pledges`);
    const campaign = uniqueCampaign('harness');
    const pledge = {
      id: crypto.randomUUID(),
      campaign,
      name: 'Sok Dara',
      email: 'dara@example.org',
      phone: '+855 12 345 678',
      consent: true,
      consentText: 'I agree that the coalition stores my name and e-mail for this campaign.',
      locale: 'km',
    };

    // A cross-origin JSON post from the test page: preflight, CORS grant and all.
    const posted = await fetch(receiver.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(pledge),
    });
    expect(posted.status).to.equal(201);
    expect(await posted.json()).to.deep.equal({ id: pledge.id, confirm: false });
    expect(await count(campaign)).to.equal(1);

    const stopped = await stopReceiver(receiver.id);
    expect(stopped).to.deep.equal(receiver);
    let error: unknown;
    try {
      await fetch(`${receiver.endpoint}/count?campaign=${campaign}`, { cache: 'no-store' });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.an.instanceOf(TypeError);

    expect(await restartReceiver(receiver.id)).to.deep.equal(receiver);
    expect(await count(campaign)).to.equal(1);
    const rows = await receiverRows(receiver.id, campaign);
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({
      id: pledge.id,
      campaign,
      partner: '',
      name: pledge.name,
      email: pledge.email,
      phone: pledge.phone,
      consent_text: pledge.consentText,
      locale: 'km',
    });
  });

  it('gives each receiver its own database, and refuses the origins it was not given', async () => {
    receiver = await startReceiver({ allowedOrigins: ['https://partner.example'] });
    const other = await startReceiver();
    try {
      expect(other.url).not.to.equal(receiver.url);
      const campaign = uniqueCampaign('origins');
      const posted = await fetch(other.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          id: crypto.randomUUID(),
          campaign,
          name: 'Chan Sophea',
          email: 'sophea@example.org',
          consent: true,
          consentText: 'I agree.',
          locale: 'en',
        }),
      });
      expect(posted.status).to.equal(201);
      expect(await count(campaign), 'not in the first receiver').to.equal(0);
      expect(await receiverRows(other.id, campaign)).to.have.length(1);

      // The page's origin is not allowed here: the preflight gets no grant, so the browser refuses.
      let error: unknown;
      try {
        await fetch(receiver.endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        });
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.an.instanceOf(TypeError);
    } finally {
      await closeReceiver(other.id);
    }
  });

  it('names campaigns the receiver accepts, never twice', () => {
    const names = [uniqueCampaign('pledge form'), uniqueCampaign('_x'), uniqueCampaign('a'.repeat(100))];
    for (const name of names) {
      expect(name).to.match(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
      expect(name.length).to.be.at.most(64);
    }
    expect(uniqueCampaign('same')).not.to.equal(uniqueCampaign('same'));
  });

  it('reports unknown receivers and actions clearly', async () => {
    let error: Error | undefined;
    try {
      await stopReceiver('receiver-none');
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).to.contain('no receiver with id "receiver-none"');

    const answer = await executeServerCommand<{ error: string }, object>('samleng-receiver', {
      action: 'reboot',
    });
    expect(answer.error).to.contain('unknown action "reboot"');
  });
});
