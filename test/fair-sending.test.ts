import { describe, expect, it } from 'vitest';
import { db, startApi, testContext } from './helpers.js';
import { platform, runWorkers, settled } from './sending-helpers.js';

// The provider rate is a shared resource: a slow one here (20 emails a second), so that a backlog lasts long
// enough to be overtaken. Its own queue prefix: its schedulers see only this file's senders.
const ctx = testContext({ QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_fair_${process.pid}`, SES_MAX_SEND_RATE: '20' });
const { call } = startApi(ctx);
runWorkers(ctx, 'email');

type Tenant = Awaited<ReturnType<typeof platform>>['acme'];

async function queueBacklog(tenant: Tenant, batches: number) {
  for (let batch = 0; batch < batches; batch++) {
    const emails = Array.from({ length: 100 }, (_, index) => ({
      from: `news@${tenant.domain}`,
      to: `reader${batch * 100 + index}@example.com`,
      subject: 'Newsletter',
      text: 'Hello',
    }));
    const accepted = await call('POST', '/api/v1/emails/batch', { key: tenant.key, body: emails });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  }
}

async function sendOne(tenant: Tenant, subject: string) {
  const sent = await call('POST', '/api/v1/emails', {
    key: tenant.key,
    body: { from: `hello@${tenant.domain}`, to: 'someone@example.com', subject, text: 'Your code is 123456' },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  return sent.body.id as string;
}

async function waitUntil(condition: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 25_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within 25 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const countByStatus = async (tenantId: string) =>
  Object.fromEntries(
    (
      await db
        .selectFrom('messages')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('tenant_id', '=', tenantId)
        .groupBy('status')
        .execute()
    ).map((row) => [row.status, row.n]),
  ) as Record<string, number>;

const notSentYet = async (tenantId: string) =>
  (
    await db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('status', 'in', ['queued', 'scheduled', 'sending'])
      .executeTakeFirstOrThrow()
  ).n;

describe('fair sending', () => {
  it("sends a sibling's and another org's single email while a tenant's 300-email backlog still waits", async () => {
    const { acme, globex } = await platform(call);
    const otherOrg = await platform(call);
    await queueBacklog(acme, 3);

    const siblingEmail = await sendOne(globex, 'Password reset');
    const otherOrgEmail = await sendOne(otherOrg.acme, 'Sign-in link');
    expect((await settled(call, globex.key, siblingEmail)).status).toBe('sent');
    expect((await settled(call, otherOrg.acme.key, otherOrgEmail)).status).toBe('sent');
    // At 20 a second the backlog takes 15 s: both went ahead of it, not behind it.
    expect(await notSentYet(acme.id)).toBeGreaterThan(100);
  });

  it("sends a tenant's own single email ahead of its own batch backlog", async () => {
    const { acme } = await platform(call);
    await queueBacklog(acme, 3);
    const single = await sendOne(acme, 'Password reset');
    expect((await settled(call, acme.key, single)).status).toBe('sent');
    expect(await notSentYet(acme.id)).toBeGreaterThan(100);
  });

  it("holds a tenant to its own email_per_second: the excess waits, none fails, and a sibling without a limit is not held", async () => {
    const { rootKey, acme, globex } = await platform(call);
    const limited = await call('PATCH', `/api/v1/tenants/${acme.id}`, { key: rootKey, body: { limits: { email_per_second: 2 } } });
    expect(limited.status, JSON.stringify(limited.body)).toBe(200);
    const batch = (tenant: Tenant, size: number) =>
      Array.from({ length: size }, (_, index) => ({ from: `news@${tenant.domain}`, to: `r${index}@example.com`, subject: 'News', text: 'Hi' }));
    expect((await call('POST', '/api/v1/emails/batch', { key: acme.key, body: batch(acme, 20) })).status).toBe(202);
    expect((await call('POST', '/api/v1/emails/batch', { key: globex.key, body: batch(globex, 10) })).status).toBe(202);

    await waitUntil(async () => (await countByStatus(globex.id)).sent === 10, "the sibling's 10 emails sent");
    // At 2 a second the limited tenant's 20 take 10 s: most still wait when the sibling's are done.
    expect(await notSentYet(acme.id)).toBeGreaterThan(5);
    await waitUntil(async () => (await countByStatus(acme.id)).sent === 20, "the limited tenant's 20 emails sent");
    expect(await countByStatus(acme.id)).toEqual({ sent: 20 });
  }, 60_000);
});
