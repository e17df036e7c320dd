import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { webhooksProcessor } from '../workers/webhooks.js';
import { type Call, ctx, db, newOrg, startApi } from './helpers.js';
import { platform, runWorkers, smsTenants } from './sending-helpers.js';
import { startReceiver, uniquePath, verified } from './webhook-receiver.js';

const { call } = startApi();
const receiver = startReceiver();
runWorkers(ctx, webhooksProcessor);
beforeAll(() => ctx.jobs.ready());

const period = () => new Date().toISOString().slice(0, 7);

async function setLimits(api: Call, rootKey: string, tenantId: string, limits: Record<string, number | null>) {
  const patched = await api('PATCH', `/api/v1/tenants/${tenantId}`, { key: rootKey, body: { limits } });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
}

const email = (domain: string, subject = 'Your receipt') => ({ from: `billing@${domain}`, to: ['customer@example.com'], subject, text: 'Thanks' });

async function liveMessages(tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('environment', '=', 'live')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function quotasOf(key: string, tenantId: string) {
  const usage = await call('GET', `/api/v1/tenants/${tenantId}/usage`, { key });
  expect(usage.status).toBe(200);
  return usage.body.quotas;
}

function expectQuotaExceeded(response: { status: number; headers: Headers; body: any }, limit: string) {
  expect(response.status).toBe(429);
  expect(response.body.error).toMatchObject({ type: 'rate_limit_error', code: 'QUOTA_EXCEEDED' });
  expect(response.body.error.message).toContain(limit);
  expect(response.body.error.message).toContain(period());
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
}

describe('monthly quotas', () => {
  it('64 concurrent sends against a remaining quota of 10 accept exactly 10; the rest are 429 QUOTA_EXCEEDED', async () => {
    const { rootKey, acme, globex } = await platform(call);
    await setLimits(call, rootKey, acme.id, { email_per_month: 12 });
    for (let sent = 0; sent < 2; sent++) expect((await call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) })).status).toBe(202);
    expect(await quotasOf(rootKey, acme.id)).toStrictEqual({ email_per_month: { limit: 12, remaining: 10 }, sms_per_month: { limit: null, remaining: null } });

    const responses = await Promise.all(
      Array.from({ length: 64 }, () => call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) })),
    );
    const accepted = responses.filter((response) => response.status === 202);
    const refused = responses.filter((response) => response.status !== 202);
    expect(accepted).toHaveLength(10);
    expect(refused).toHaveLength(54);
    for (const response of refused) expectQuotaExceeded(response, 'email_per_month');
    expect(await liveMessages(acme.id)).toBe(12);
    expect(await quotasOf(rootKey, acme.id)).toMatchObject({ email_per_month: { limit: 12, remaining: 0 } });
    const usage = await call('GET', `/api/v1/tenants/${acme.id}/usage`, { key: rootKey });
    expect(usage.body.email_live).toBe(12);

    // The sibling, without a quota, sends on; so does a tenant of another org.
    expect((await call('POST', '/api/v1/emails', { key: globex.key, body: email(globex.domain) })).status).toBe(202);
    const other = await platform(call);
    expect((await call('POST', '/api/v1/emails', { key: other.acme.key, body: email(other.acme.domain) })).status).toBe(202);

    // Raising the quota lets sends through again, counting what was sent.
    await setLimits(call, rootKey, acme.id, { email_per_month: 13 });
    expect((await call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) })).status).toBe(202);
    expectQuotaExceeded(await call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) }), 'email_per_month');
  });

  it('counts every one of many concurrent sends that fit, single and batched', async () => {
    const { rootKey, acme } = await platform(call);
    await setLimits(call, rootKey, acme.id, { email_per_month: 1_000 });
    const responses = await Promise.all([
      ...Array.from({ length: 48 }, () => call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) })),
      ...Array.from({ length: 16 }, () => call('POST', '/api/v1/emails/batch', { key: acme.key, body: [email(acme.domain), email(acme.domain), email(acme.domain)] })),
    ]);
    expect(responses.map((response) => response.status).every((status) => status === 202)).toBe(true);
    expect(await liveMessages(acme.id)).toBe(96);
    expect((await quotasOf(rootKey, acme.id)).email_per_month).toStrictEqual({ limit: 1_000, remaining: 904 });
  });

  it('a batch is accepted whole or refused whole', async () => {
    const { rootKey, acme } = await platform(call);
    await setLimits(call, rootKey, acme.id, { email_per_month: 5 });
    const batch = (size: number) => Array.from({ length: size }, (_, index) => email(acme.domain, `Invoice ${index}`));
    expect((await call('POST', '/api/v1/emails/batch', { key: acme.key, body: batch(3) })).status).toBe(202);
    const tooMany = await call('POST', '/api/v1/emails/batch', { key: acme.key, body: batch(3) });
    expectQuotaExceeded(tooMany, 'email_per_month');
    expect(tooMany.body.error.message).toContain('2 emails left');
    expect(await liveMessages(acme.id)).toBe(3);
    expect((await quotasOf(rootKey, acme.id)).email_per_month).toStrictEqual({ limit: 5, remaining: 2 });
    expect((await call('POST', '/api/v1/emails/batch', { key: acme.key, body: batch(2) })).status).toBe(202);
    expect(await liveMessages(acme.id)).toBe(5);
  });

  it("test keys' sends do not count and are never refused by a live quota", async () => {
    const { rootKey, acme } = await platform(call);
    const testKey = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: { name: 'ci', tenant_id: acme.id, environment: 'test', scopes: ['emails:send'], allowed_domain_ids: [acme.domainId] },
    });
    await setLimits(call, rootKey, acme.id, { email_per_month: 1 });
    for (let sent = 0; sent < 3; sent++) {
      expect((await call('POST', '/api/v1/emails', { key: testKey.body.secret, body: email(acme.domain) })).status).toBe(202);
    }
    expect((await quotasOf(rootKey, acme.id)).email_per_month).toStrictEqual({ limit: 1, remaining: 1 });
    expect((await call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) })).status).toBe(202);
    expectQuotaExceeded(await call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) }), 'email_per_month');
    expect((await call('POST', '/api/v1/emails/batch', { key: testKey.body.secret, body: [email(acme.domain), email(acme.domain)] })).status).toBe(202);
  });

  it("a platform-root key's send from a tenant's domain counts against that tenant's quota", async () => {
    const { rootKey, acme } = await platform(call);
    await setLimits(call, rootKey, acme.id, { email_per_month: 1 });
    expect((await call('POST', '/api/v1/emails', { key: rootKey, body: email(acme.domain) })).status).toBe(202);
    expectQuotaExceeded(await call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) }), 'email_per_month');
    expectQuotaExceeded(await call('POST', '/api/v1/emails', { key: rootKey, body: email(acme.domain) }), 'email_per_month');
  });

  it('SMS have their own quota, and a quota of 0 refuses every live send', async () => {
    const { rootKey, acme, globex } = await smsTenants(call);
    await setLimits(call, rootKey, acme.id, { sms_per_month: 1 });
    await setLimits(call, rootKey, globex.id, { sms_per_month: 0 });
    const sms = { to: '+14155550100', body: 'Your code is 123456' };
    expect((await call('POST', '/api/v1/sms', { key: acme.key, body: sms })).status).toBe(202);
    expectQuotaExceeded(await call('POST', '/api/v1/sms', { key: acme.key, body: sms }), 'sms_per_month');
    expectQuotaExceeded(await call('POST', '/api/v1/sms', { key: globex.key, body: sms }), 'sms_per_month');
    expect(await quotasOf(rootKey, acme.id)).toStrictEqual({
      email_per_month: { limit: null, remaining: null },
      sms_per_month: { limit: 1, remaining: 0 },
    });
    const org = await call('GET', '/api/v1/usage', { key: rootKey });
    expect(org.body.tenants).toStrictEqual([
      expect.objectContaining({ tenant_id: acme.id, sms_live: 1, quotas: { email_per_month: { limit: null, remaining: null }, sms_per_month: { limit: 1, remaining: 0 } } }),
    ]);
  });

  it('a quota set mid-month counts what the tenant sent before it', async () => {
    const { rootKey, acme } = await platform(call);
    for (let sent = 0; sent < 3; sent++) expect((await call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) })).status).toBe(202);
    await setLimits(call, rootKey, acme.id, { email_per_month: 4 });
    expect((await quotasOf(acme.key, acme.id)).email_per_month).toStrictEqual({ limit: 4, remaining: 1 });
    expect((await call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) })).status).toBe(202);
    expectQuotaExceeded(await call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) }), 'email_per_month');
    // Lifted, sends go on uncounted; set again, it counts them all.
    await setLimits(call, rootKey, acme.id, { email_per_month: null });
    expect((await call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) })).status).toBe(202);
    await setLimits(call, rootKey, acme.id, { email_per_month: 6 });
    expect((await quotasOf(rootKey, acme.id)).email_per_month).toStrictEqual({ limit: 6, remaining: 1 });
  });

  it('gives the reservation back when the messages fail to commit', async () => {
    const { rootKey, acme } = await platform(call);
    await setLimits(call, rootKey, acme.id, { email_per_month: 3 });
    // The database refuses this tenant's messages, as a failing primary would.
    const trigger = sql.id(`refuse_${acme.id}`);
    await sql`create or replace function quota_test_refuse() returns trigger language plpgsql as $$
      begin raise exception 'refused for the test' using errcode = '57P03'; end $$`.execute(db);
    await sql`create trigger ${trigger} before insert on messages for each row
      when (new.tenant_id = ${sql.lit(acme.id)}) execute function quota_test_refuse()`.execute(db);
    try {
      const failed = await call('POST', '/api/v1/emails/batch', { key: acme.key, body: [email(acme.domain), email(acme.domain)] });
      expect(failed.status).toBe(503);
    } finally {
      await sql`drop trigger ${trigger} on messages`.execute(db);
    }
    expect(await liveMessages(acme.id)).toBe(0);
    expect((await quotasOf(rootKey, acme.id)).email_per_month).toStrictEqual({ limit: 3, remaining: 3 });
    expect((await call('POST', '/api/v1/emails/batch', { key: acme.key, body: [email(acme.domain), email(acme.domain), email(acme.domain)] })).status).toBe(202);
  });
});

describe('quota events', () => {
  it('tenant.quota_warning at 80 % and tenant.quota_exceeded at the first refusal, once each per period, to org-wide endpoints', async () => {
    const { rootKey, acme, globex } = await platform(call);
    const orgWide = uniquePath('org-wide');
    const tenantOwn = uniquePath('tenant-own');
    const subscribe = async (path: string, tenantId?: string) => {
      const created = await call('POST', '/api/v1/webhooks/endpoints', {
        key: rootKey,
        body: { url: receiver.url(path), tenant_id: tenantId, events: ['tenant.quota_warning', 'tenant.quota_exceeded'] },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body as { id: string; secret: string };
    };
    const endpoint = await subscribe(orgWide);
    const acmeEndpoint = await subscribe(tenantOwn, acme.id);
    await setLimits(call, rootKey, acme.id, { email_per_month: 5 });
    await setLimits(call, rootKey, globex.id, { email_per_month: 100 });

    const send = () => call('POST', '/api/v1/emails', { key: acme.key, body: email(acme.domain) });
    for (let sent = 0; sent < 3; sent++) expect((await send()).status).toBe(202);
    const deliveries = async () =>
      db.selectFrom('webhook_deliveries').select(['endpoint_id', 'event_type']).where('endpoint_id', 'in', [endpoint.id, acmeEndpoint.id]).execute();
    expect(await deliveries()).toStrictEqual([]);
    // The 4th of 5 is 80 %.
    expect((await send()).status).toBe(202);
    expect((await send()).status).toBe(202);
    expectQuotaExceeded(await send(), 'email_per_month');
    expectQuotaExceeded(await send(), 'email_per_month');
    // The sibling's sends, far from its quota, publish nothing.
    expect((await call('POST', '/api/v1/emails', { key: globex.key, body: email(globex.domain) })).status).toBe(202);

    // Events are stored with the request that caused them: by now every one there will be is recorded.
    expect((await deliveries()).map((delivery) => `${delivery.endpoint_id} ${delivery.event_type}`).sort()).toStrictEqual([
      `${endpoint.id} tenant.quota_exceeded`,
      `${endpoint.id} tenant.quota_warning`,
    ]);
    const received = await receiver.waitFor(orgWide, 2);
    const payloads = received.map((webhook) => verified(webhook, endpoint.secret)).sort((a, b) => a.type.localeCompare(b.type));
    expect(payloads).toStrictEqual([
      {
        type: 'tenant.quota_exceeded',
        timestamp: expect.any(String),
        data: { tenant_id: acme.id, channel: 'email', limit: 'email_per_month', period: period(), quota: 5, used: 5, remaining: 0 },
      },
      {
        type: 'tenant.quota_warning',
        timestamp: expect.any(String),
        data: { tenant_id: acme.id, channel: 'email', limit: 'email_per_month', period: period(), quota: 5, used: 4, remaining: 1 },
      },
    ]);
    expect(receiver.at(tenantOwn)).toStrictEqual([]);

    // Raising the quota and crossing 80 % of it again, or being refused again, publishes nothing more this period.
    await setLimits(call, rootKey, acme.id, { email_per_month: 6 });
    expect((await send()).status).toBe(202);
    expectQuotaExceeded(await send(), 'email_per_month');
    expect(await deliveries()).toHaveLength(2);
  });

  it('lists the quota events in the catalogue endpoints subscribe from, and refuses unknown ones', async () => {
    const { rootKey } = await newOrg();
    const unknown = await call('POST', '/api/v1/webhooks/endpoints', {
      key: rootKey,
      body: { url: receiver.url(uniquePath('x')), events: ['tenant.quota_reached'] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('tenant.quota_warning');
    expect(unknown.body.error.message).toContain('tenant.quota_exceeded');
  });
});
