import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { periodOf } from '../src/platform/limits.js';
import { incrementUsage, type UsageIncrement } from '../src/usage/usage.js';
import { db, newOrg, startApi, uniqueSlug } from './helpers.js';

const { call } = startApi();

/** A tenant without quotas, as the usage response shows it. */
const noQuotas = { email_per_month: { limit: null, remaining: null }, sms_per_month: { limit: null, remaining: null } };

async function orgWithTwoTenants() {
  const org = await newOrg();
  const tenant = async (name: string) =>
    (await call('POST', '/api/v1/tenants', { key: org.rootKey, body: { name, slug: uniqueSlug(name.toLowerCase()) } })).body
      .id as string;
  const acme = await tenant('Acme');
  const globex = await tenant('Globex');
  const tenantKey = async (tenantId: string, scopes = ['usage:read']) => {
    const key = await call('POST', '/api/v1/keys', { key: org.rootKey, body: { name: 'k', tenant_id: tenantId, scopes } });
    return { id: key.body.id as string, secret: key.body.secret as string };
  };
  return { ...org, acme, globex, tenantKey };
}

async function countersOf(orgId: string) {
  const rows = await db
    .selectFrom('usage_counters')
    .select(['tenant_id', 'key_id', 'channel', 'environment', 'period', 'count'])
    .where('org_id', '=', orgId)
    .execute();
  return new Map(rows.map((row) => [`${row.tenant_id}/${row.key_id}/${row.channel}/${row.environment}/${row.period}`, row.count]));
}

describe('incrementUsage', () => {
  it('counts exactly under 50 concurrent transactions touching the same counters in random orders, without deadlock', async () => {
    const { orgId, acme, globex } = await orgWithTwoTenants();
    const april = new Date('2026-04-30T23:59:59.999Z');
    const may = new Date('2026-05-01T00:00:00.000Z');
    const shapes: Omit<UsageIncrement, 'count'>[] = [
      { orgId, tenantId: acme, keyId: 'key_a', channel: 'email', environment: 'live', at: april },
      { orgId, tenantId: acme, keyId: 'key_a', channel: 'email', environment: 'live', at: may },
      { orgId, tenantId: acme, keyId: 'key_t', channel: 'email', environment: 'test', at: april },
      { orgId, tenantId: acme, keyId: 'key_a', channel: 'sms', environment: 'live', at: april },
      { orgId, tenantId: globex, keyId: 'key_g', channel: 'email', environment: 'live', at: april },
      { orgId, tenantId: null, keyId: 'key_root', channel: 'email', environment: 'live', at: april },
      { orgId, tenantId: null, keyId: null, channel: 'sms', environment: 'test', at: april },
    ];
    const expected = new Map<string, number>();
    const transactions = Array.from({ length: 50 }, (_, index) => {
      // Every transaction touches every counter, several times, in its own order.
      const increments = shapes
        .flatMap((shape, position) => Array.from({ length: 1 + ((index + position) % 3) }, () => ({ ...shape, count: 1 + (index % 4) })))
        .sort(() => Math.random() - 0.5);
      for (const increment of increments) {
        const key = `${increment.tenantId}/${increment.keyId}/${increment.channel}/${increment.environment}/${periodOf(increment.at)}`;
        expected.set(key, (expected.get(key) ?? 0) + increment.count);
      }
      return db.transaction().execute(async (trx) => {
        await incrementUsage(trx, increments);
        // Hold the row locks a little, as a batch insert of messages would.
        await sql`select pg_sleep(0.01)`.execute(trx);
      });
    });
    await Promise.all(transactions);

    expect(await countersOf(orgId)).toEqual(expected);
    expect(expected.get(`${acme}/key_a/email/live/2026-04`)).toBeGreaterThan(0);
    expect(expected.get(`${acme}/key_a/email/live/2026-05`)).toBeGreaterThan(0);
  });

  it('counts nothing when the transaction rolls back', async () => {
    const { orgId, acme } = await orgWithTwoTenants();
    const increment: UsageIncrement = {
      orgId,
      tenantId: acme,
      keyId: null,
      channel: 'email',
      environment: 'live',
      count: 1,
      at: new Date(),
    };
    await expect(
      db.transaction().execute(async (trx) => {
        await incrementUsage(trx, [increment]);
        throw new Error('insert of the messages failed');
      }),
    ).rejects.toThrow('insert of the messages failed');
    await incrementUsage(db, []);
    expect(await countersOf(orgId)).toEqual(new Map());
  });
});

describe('usage API (walkthrough step 7)', () => {
  async function seeded() {
    const org = await orgWithTwoTenants();
    const { orgId, acme, globex } = org;
    const at = new Date('2026-04-10T12:00:00Z');
    const base = { orgId, at, keyId: null };
    await incrementUsage(db, [
      { ...base, tenantId: acme, keyId: 'key_1', channel: 'email', environment: 'live', count: 18_000 },
      { ...base, tenantId: acme, keyId: 'key_2', channel: 'email', environment: 'live', count: 200 },
      { ...base, tenantId: acme, channel: 'email', environment: 'test', count: 34 },
      { ...base, tenantId: acme, channel: 'sms', environment: 'live', count: 112 },
      { ...base, tenantId: acme, channel: 'email', environment: 'live', count: 5, at: new Date('2026-05-01T00:00:00Z') },
      { ...base, tenantId: globex, channel: 'email', environment: 'live', count: 7 },
      { ...base, tenantId: globex, channel: 'sms', environment: 'test', count: 3 },
      { ...base, tenantId: null, channel: 'email', environment: 'live', count: 1_000 },
    ]);
    return org;
  }

  it("answers a tenant's month in exactly the walkthrough's shape", async () => {
    const { rootKey, acme, globex } = await seeded();
    const april = await call('GET', `/api/v1/tenants/${acme}/usage?period=2026-04`, { key: rootKey });
    expect(april.status).toBe(200);
    expect(april.body).toStrictEqual({
      tenant_id: acme,
      period: '2026-04',
      email_live: 18_200,
      email_test: 34,
      sms_live: 112,
      sms_test: 0,
      quotas: noQuotas,
    });
    expect((await call('GET', `/api/v1/tenants/${acme}/usage?period=2026-05`, { key: rootKey })).body).toStrictEqual({
      tenant_id: acme,
      period: '2026-05',
      email_live: 5,
      email_test: 0,
      sms_live: 0,
      sms_test: 0,
      quotas: noQuotas,
    });
    expect((await call('GET', `/api/v1/tenants/${globex}/usage?period=2026-04`, { key: rootKey })).body).toMatchObject({
      email_live: 7,
      sms_test: 3,
    });
  });

  it('defaults to the current UTC month', async () => {
    const { orgId, rootKey, acme } = await orgWithTwoTenants();
    await incrementUsage(db, [{ orgId, tenantId: acme, keyId: null, channel: 'sms', environment: 'test', count: 2, at: new Date() }]);
    const current = await call('GET', `/api/v1/tenants/${acme}/usage`, { key: rootKey });
    expect(current.body).toStrictEqual({
      tenant_id: acme,
      period: new Date().toISOString().slice(0, 7),
      email_live: 0,
      email_test: 0,
      sms_live: 0,
      sms_test: 2,
      quotas: noQuotas,
    });
    expect((await call('GET', '/api/v1/usage', { key: rootKey })).body.sms_test).toBe(2);
  });

  it('answers the org total with a per-tenant breakdown', async () => {
    const { rootKey, acme, globex } = await seeded();
    const april = await call('GET', '/api/v1/usage?period=2026-04', { key: rootKey });
    expect(april.status).toBe(200);
    // Root-key sends (no tenant) count in the totals only.
    expect(april.body).toStrictEqual({
      period: '2026-04',
      email_live: 19_207,
      email_test: 34,
      sms_live: 112,
      sms_test: 3,
      tenants: [
        { tenant_id: acme, email_live: 18_200, email_test: 34, sms_live: 112, sms_test: 0, quotas: noQuotas },
        { tenant_id: globex, email_live: 7, email_test: 0, sms_live: 0, sms_test: 3, quotas: noQuotas },
      ].sort((a, b) => a.tenant_id.localeCompare(b.tenant_id)),
    });
    const empty = await call('GET', '/api/v1/usage?period=2025-01', { key: rootKey });
    expect(empty.body).toStrictEqual({ period: '2025-01', email_live: 0, email_test: 0, sms_live: 0, sms_test: 0, tenants: [] });
  });

  it('a tenant-bound key reads only its own tenant', async () => {
    const { acme, globex, tenantKey } = await seeded();
    const acmeKey = await tenantKey(acme);
    const own = await call('GET', `/api/v1/tenants/${acme}/usage?period=2026-04`, { key: acmeKey.secret });
    expect(own.status).toBe(200);
    expect(own.body.email_live).toBe(18_200);
    const sibling = await call('GET', `/api/v1/tenants/${globex}/usage?period=2026-04`, { key: acmeKey.secret });
    expect(sibling.status).toBe(404);
    expect(sibling.body.error).toMatchObject({ type: 'not_found_error', code: 'NOT_FOUND' });

    const org = await call('GET', '/api/v1/usage?period=2026-04', { key: acmeKey.secret });
    expect(org.body).toStrictEqual({
      period: '2026-04',
      email_live: 18_200,
      email_test: 34,
      sms_live: 112,
      sms_test: 0,
      tenants: [{ tenant_id: acme, email_live: 18_200, email_test: 34, sms_live: 112, sms_test: 0, quotas: noQuotas }],
    });

    // usage:read does not open the rest of the tenants API.
    expect((await call('GET', `/api/v1/tenants/${acme}`, { key: acmeKey.secret })).status).toBe(403);
    const withoutScope = await tenantKey(acme, ['emails:send']);
    for (const path of [`/api/v1/tenants/${acme}/usage`, '/api/v1/usage']) {
      const response = await call('GET', path, { key: withoutScope.secret });
      expect(response.status, path).toBe(403);
      expect(response.body.error).toMatchObject({ code: 'MISSING_SCOPE', message: expect.stringContaining('usage:read') });
    }
  });

  it("answers 404 for an unknown tenant and for another org's tenant", async () => {
    const { acme } = await seeded();
    const other = await newOrg();
    expect((await call('GET', `/api/v1/tenants/${acme}/usage`, { key: other.rootKey })).status).toBe(404);
    expect((await call('GET', '/api/v1/tenants/tnt_01m8jh3j50j10t1hg2by2rwmn1/usage', { key: other.rootKey })).status).toBe(404);
    expect((await call('GET', '/api/v1/usage?period=2026-04', { key: other.rootKey })).body).toMatchObject({ email_live: 0, tenants: [] });
  });

  it('rejects a malformed period or an unknown parameter with a 422 naming it', async () => {
    const { rootKey, acme } = await orgWithTwoTenants();
    const cases = [
      ['period=2026-4', 'period'],
      ['period=2026-13', 'period'],
      ['period=april', 'period'],
      ['period=2026-04&period=2026-05', 'period'],
      ['perod=2026-04', 'perod: unknown field'],
    ];
    for (const [query, field] of cases) {
      for (const path of [`/api/v1/tenants/${acme}/usage?${query}`, `/api/v1/usage?${query}`]) {
        const response = await call('GET', path, { key: rootKey });
        expect(response.status, path).toBe(422);
        expect(response.body.error).toMatchObject({ type: 'invalid_request_error', code: 'VALIDATION_ERROR' });
        expect(response.body.error.message).toContain(field);
      }
    }
  });
});
