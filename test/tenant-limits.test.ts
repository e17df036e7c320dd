import { describe, expect, it } from 'vitest';
import { sendRates } from '../src/tenants/limits.js';
import { type Call, db, newOrg, startApi, uniqueSlug } from './helpers.js';

const { call } = startApi();

const noLimits = { email_per_second: null, sms_per_second: null, email_per_month: null, sms_per_month: null, api_requests_per_second: null };

async function createTenant(api: Call, rootKey: string, body: Record<string, unknown> = {}) {
  return api('POST', '/api/v1/tenants', { key: rootKey, body: { name: 'Acme', slug: uniqueSlug('acme'), ...body } });
}

describe('tenant limits', () => {
  it('a tenant has no limits unless given; POST sets some, PATCH changes only the fields it names, null lifts one', async () => {
    const { rootKey } = await newOrg();
    const plain = await createTenant(call, rootKey);
    expect(plain.status).toBe(201);
    expect(plain.body.limits).toStrictEqual(noLimits);

    const limited = await createTenant(call, rootKey, { limits: { email_per_month: 10_000, api_requests_per_second: 20 } });
    expect(limited.status).toBe(201);
    expect(limited.body.limits).toStrictEqual({ ...noLimits, email_per_month: 10_000, api_requests_per_second: 20 });

    const patched = await call('PATCH', `/api/v1/tenants/${limited.body.id}`, {
      key: rootKey,
      body: { limits: { email_per_month: null, sms_per_month: 0, email_per_second: 5 } },
    });
    expect(patched.status).toBe(200);
    const expected = { ...noLimits, sms_per_month: 0, email_per_second: 5, api_requests_per_second: 20 };
    expect(patched.body.limits).toStrictEqual(expected);
    expect((await call('GET', `/api/v1/tenants/${limited.body.id}`, { key: rootKey })).body.limits).toStrictEqual(expected);
    const listed = await call('GET', '/api/v1/tenants', { key: rootKey });
    expect(listed.body.data.find((tenant: { id: string }) => tenant.id === limited.body.id).limits).toStrictEqual(expected);
    // A PATCH without limits leaves them alone.
    const renamed = await call('PATCH', `/api/v1/tenants/${limited.body.id}`, { key: rootKey, body: { name: 'Acme Inc' } });
    expect(renamed.body.limits).toStrictEqual(expected);
  });

  it('the send scheduler reads a tenant’s rates with one query', async () => {
    const { rootKey } = await newOrg();
    const tenant = await createTenant(call, rootKey, { limits: { email_per_second: 14, sms_per_month: 100 } });
    const row = await db.selectFrom('tenants').select('limits').where('id', '=', tenant.body.id).executeTakeFirstOrThrow();
    expect(sendRates(row.limits)).toStrictEqual({ email: 14, sms: null });
  });

  it('refuses negative, fractional, out-of-range, mistyped and unknown limits with a 422 naming the field, on POST and PATCH', async () => {
    const { rootKey } = await newOrg();
    const tenant = await createTenant(call, rootKey);
    const cases: [Record<string, unknown>, string][] = [
      [{ email_per_month: -1 }, 'limits.email_per_month'],
      [{ sms_per_month: 2.5 }, 'limits.sms_per_month'],
      [{ email_per_second: 0 }, 'limits.email_per_second'],
      [{ sms_per_second: 1.5 }, 'limits.sms_per_second'],
      [{ api_requests_per_second: -3 }, 'limits.api_requests_per_second'],
      [{ api_requests_per_second: '10' }, 'limits.api_requests_per_second'],
      [{ email_per_month: 1e12 }, 'limits.email_per_month'],
      [{ emails_per_month: 10 }, 'limits.emails_per_month: unknown field'],
    ];
    for (const [limits, field] of cases) {
      const created = await createTenant(call, rootKey, { limits });
      expect(created.status, JSON.stringify(limits)).toBe(422);
      expect(created.body.error).toMatchObject({ type: 'invalid_request_error', code: 'VALIDATION_ERROR' });
      expect(created.body.error.message, JSON.stringify(limits)).toContain(field);
      const patched = await call('PATCH', `/api/v1/tenants/${tenant.body.id}`, { key: rootKey, body: { limits } });
      expect(patched.status, JSON.stringify(limits)).toBe(422);
      expect(patched.body.error.message).toContain(field);
    }
    const notAnObject = await call('PATCH', `/api/v1/tenants/${tenant.body.id}`, { key: rootKey, body: { limits: 5 } });
    expect(notAnObject.status).toBe(422);
    expect(notAnObject.body.error.message).toContain('limits');
    // Nothing was half-written.
    expect((await call('GET', `/api/v1/tenants/${tenant.body.id}`, { key: rootKey })).body.limits).toStrictEqual(noLimits);
  });
});

describe('org defaults for new tenants (GET/PATCH /api/v1/org)', () => {
  it('new tenants start from the org defaults, given limits override them, existing tenants and other orgs keep theirs', async () => {
    const { orgId, rootKey } = await newOrg('Defaults SaaS');
    const other = await newOrg('Other SaaS');
    const before = await createTenant(call, rootKey);

    const org = await call('GET', '/api/v1/org', { key: rootKey });
    expect(org.status).toBe(200);
    expect(org.body).toStrictEqual({ id: orgId, name: 'Defaults SaaS', default_tenant_limits: noLimits, created_at: expect.any(String) });

    const defaults = { email_per_month: 3_000, sms_per_month: 100, api_requests_per_second: 10 };
    const patched = await call('PATCH', '/api/v1/org', { key: rootKey, body: { default_tenant_limits: defaults } });
    expect(patched.status).toBe(200);
    expect(patched.body.default_tenant_limits).toStrictEqual({ ...noLimits, ...defaults });
    // Fields not named keep their value; an empty body changes nothing.
    expect((await call('PATCH', '/api/v1/org', { key: rootKey, body: {} })).body.default_tenant_limits).toStrictEqual({ ...noLimits, ...defaults });
    const again = await call('PATCH', '/api/v1/org', { key: rootKey, body: { default_tenant_limits: { sms_per_month: null } } });
    expect(again.body.default_tenant_limits).toStrictEqual({ ...noLimits, ...defaults, sms_per_month: null });

    const fresh = await createTenant(call, rootKey);
    expect(fresh.body.limits).toStrictEqual({ ...noLimits, email_per_month: 3_000, api_requests_per_second: 10 });
    const overridden = await createTenant(call, rootKey, { limits: { email_per_month: null, sms_per_second: 2 } });
    expect(overridden.body.limits).toStrictEqual({ ...noLimits, sms_per_second: 2, api_requests_per_second: 10 });

    expect((await call('GET', `/api/v1/tenants/${before.body.id}`, { key: rootKey })).body.limits).toStrictEqual(noLimits);
    expect((await call('GET', '/api/v1/org', { key: other.rootKey })).body.default_tenant_limits).toStrictEqual(noLimits);
    expect((await createTenant(call, other.rootKey)).body.limits).toStrictEqual(noLimits);
  });

  it('only live platform-root keys change the org; bad defaults are a 422 naming the field', async () => {
    const { rootKey } = await newOrg();
    const tenant = await createTenant(call, rootKey);
    const tenantKey = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'k', tenant_id: tenant.body.id, scopes: ['usage:read'] } });
    for (const method of ['GET', 'PATCH']) {
      const refused = await call(method, '/api/v1/org', { key: tenantKey.body.secret, body: method === 'PATCH' ? { default_tenant_limits: {} } : undefined });
      expect(refused.status, method).toBe(403);
      expect(refused.body.error.code).toBe('MISSING_SCOPE');
    }
    const testRoot = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'test root', environment: 'test' } });
    expect(testRoot.status).toBe(201);
    const fromTestKey = await call('PATCH', '/api/v1/org', { key: testRoot.body.secret, body: { default_tenant_limits: { email_per_month: 1 } } });
    expect(fromTestKey.status).toBe(403);
    expect(fromTestKey.body.error.code).toBe('TEST_KEY_CANNOT_CHANGE_LIVE');

    for (const [body, field] of [
      [{ default_tenant_limits: { email_per_month: -5 } }, 'default_tenant_limits.email_per_month'],
      [{ default_tenant_limits: { api_requests_per_second: 0.5 } }, 'default_tenant_limits.api_requests_per_second'],
      [{ default_tenant_limits: { monthly: 5 } }, 'default_tenant_limits.monthly: unknown field'],
      [{ name: 'Renamed' }, 'name: unknown field'],
    ] as const) {
      const response = await call('PATCH', '/api/v1/org', { key: rootKey, body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.error.message).toContain(field);
    }
    expect((await call('GET', '/api/v1/org', { key: rootKey })).body.default_tenant_limits).toStrictEqual(noLimits);
  });
});
