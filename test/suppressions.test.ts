import { describe, expect, it } from 'vitest';
import { addSuppressions, type SuppressionScope, suppressedAmong, suppressionKey } from '../src/suppressions/suppressions.js';
import { db, type Call, newOrg, startApi, uniqueSlug } from './helpers.js';

const { call } = startApi();

async function orgWithTwoTenants(call: Call) {
  const org = await newOrg();
  const tenant = async (name: string) =>
    (await call('POST', '/api/v1/tenants', { key: org.rootKey, body: { name, slug: uniqueSlug(name.toLowerCase()) } })).body
      .id as string;
  const acme = await tenant('Acme');
  const globex = await tenant('Globex');
  const tenantKey = async (tenantId: string, scopes = ['suppressions:read', 'suppressions:write']) =>
    (await call('POST', '/api/v1/keys', { key: org.rootKey, body: { name: 'k', tenant_id: tenantId, scopes } })).body
      .secret as string;
  return { ...org, acme, globex, acmeKey: await tenantKey(acme), globexKey: await tenantKey(globex), tenantKey };
}

/** The candidates suppressed for one send's scope, lower-cased, as the send loop's filter sees them. */
async function suppressedRecipients(scope: SuppressionScope, candidates: string[]) {
  const keys = await suppressedAmong(db, candidates.map((address) => ({ scope, address })));
  return new Set(candidates.filter((address) => keys.has(suppressionKey(scope, address))).map((address) => address.toLowerCase()));
}

describe('suppressedAmong (the send loops’ filter)', () => {
  it("applies the tenant's and the org-wide suppressions of the send's environment, never a sibling's or another org's", async () => {
    const { orgId, acme, globex } = await orgWithTwoTenants(call);
    const other = await newOrg();
    const live = 'live' as const;
    await addSuppressions(db, [
      { orgId, tenantId: acme, environment: live, address: 'Acme-Bounced@Example.com', reason: 'bounce', source: 'msg_1' },
      { orgId, tenantId: globex, environment: live, address: 'globex-complained@example.com', reason: 'complaint' },
      { orgId, tenantId: null, environment: live, address: 'org-wide@example.com', reason: 'manual' },
      { orgId, tenantId: acme, environment: live, address: '+14155550100', reason: 'unsubscribe' },
      { orgId: other.orgId, tenantId: null, environment: live, address: 'other-org@example.com', reason: 'manual' },
      { orgId, tenantId: acme, environment: 'test', address: 'test-only@example.com', reason: 'bounce' },
      { orgId, tenantId: null, environment: 'test', address: 'test-org-wide@example.com', reason: 'manual' },
    ]);
    const candidates = [
      'acme-bounced@example.com',
      'GLOBEX-COMPLAINED@example.com',
      'Org-Wide@example.com',
      'other-org@example.com',
      'fine@example.com',
      '+14155550100',
      'test-only@example.com',
      'test-org-wide@example.com',
    ];
    const send = (tenantId: string | null, environment: 'live' | 'test' = 'live') => ({ org_id: orgId, tenant_id: tenantId, environment });

    expect(await suppressedRecipients(send(acme), candidates)).toEqual(
      new Set(['acme-bounced@example.com', 'org-wide@example.com', '+14155550100']),
    );
    expect(await suppressedRecipients(send(globex), candidates)).toEqual(
      new Set(['globex-complained@example.com', 'org-wide@example.com']),
    );
    // A root-key send (no tenant) is filtered by the org-wide list only.
    expect(await suppressedRecipients(send(null), candidates)).toEqual(new Set(['org-wide@example.com']));
    expect(await suppressedRecipients(send(acme), [])).toEqual(new Set());
    // Test sends are filtered by test suppressions only, live sends by live ones only.
    expect(await suppressedRecipients(send(acme, 'test'), candidates)).toEqual(new Set(['test-only@example.com', 'test-org-wide@example.com']));
    expect(await suppressedRecipients(send(globex, 'test'), candidates)).toEqual(new Set(['test-org-wide@example.com']));
    // One query for a round spanning tenants and orgs: each recipient is judged in its own scope only.
    const mixed = await suppressedAmong(db, [
      { scope: send(acme), address: 'globex-complained@example.com' },
      { scope: send(globex), address: 'globex-complained@example.com' },
      { scope: { org_id: other.orgId, tenant_id: null, environment: live }, address: 'other-org@example.com' },
      { scope: send(acme), address: 'other-org@example.com' },
    ]);
    expect(mixed).toEqual(
      new Set([suppressionKey(send(globex), 'globex-complained@example.com'), suppressionKey({ org_id: other.orgId, tenant_id: null, environment: live }, 'other-org@example.com')]),
    );
  });

  it('addSuppressions is idempotent and keeps the first reason', async () => {
    const { orgId, acme } = await orgWithTwoTenants(call);
    const bounce = { orgId, tenantId: acme, environment: 'live' as const, address: 'x@example.com', reason: 'bounce' as const, source: 'msg_a' };
    await addSuppressions(db, [bounce, bounce, { ...bounce, address: 'X@EXAMPLE.COM', reason: 'complaint' }]);
    await addSuppressions(db, [{ ...bounce, source: 'msg_b' }]);
    await addSuppressions(db, [{ ...bounce, tenantId: null }]);
    await Promise.all(Array.from({ length: 10 }, () => addSuppressions(db, [bounce, { ...bounce, tenantId: null }])));
    // The same address bounced on a test send is a test suppression of its own.
    await addSuppressions(db, [{ ...bounce, environment: 'test', source: 'msg_t' }]);
    const rows = await db
      .selectFrom('suppressions')
      .select(['tenant_id', 'environment', 'address', 'reason', 'source'])
      .where('org_id', '=', orgId)
      .orderBy('tenant_id')
      .orderBy('environment')
      .execute();
    expect(rows).toEqual([
      { tenant_id: acme, environment: 'live', address: 'x@example.com', reason: 'bounce', source: 'msg_a' },
      { tenant_id: acme, environment: 'test', address: 'x@example.com', reason: 'bounce', source: 'msg_t' },
      { tenant_id: null, environment: 'live', address: 'x@example.com', reason: 'bounce', source: 'msg_a' },
    ]);
  });
});

describe('suppressions API', () => {
  it('creates, lists, reads and deletes org-wide and tenant suppressions with a root key', async () => {
    const { rootKey, rootKeyId, acme } = await orgWithTwoTenants(call);
    const orgWide = await call('POST', '/api/v1/suppressions', { key: rootKey, body: { address: ' Someone@Example.com ' } });
    expect(orgWide.status).toBe(201);
    expect(orgWide.body).toEqual({
      id: expect.stringMatching(/^sup_[0-9a-z]{26}$/),
      address: 'someone@example.com',
      tenant_id: null,
      environment: 'live',
      reason: 'manual',
      source: rootKeyId,
      created_at: expect.any(String),
    });

    const again = await call('POST', '/api/v1/suppressions', {
      key: rootKey,
      body: { address: 'SOMEONE@example.com', reason: 'unsubscribe' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(orgWide.body);

    const forAcme = await call('POST', '/api/v1/suppressions', {
      key: rootKey,
      body: { address: 'someone@example.com', tenant_id: acme, reason: 'unsubscribe' },
    });
    expect(forAcme.status).toBe(201);
    expect(forAcme.body).toMatchObject({ tenant_id: acme, reason: 'unsubscribe' });
    const phone = await call('POST', '/api/v1/suppressions', { key: rootKey, body: { address: '+447700900123', tenant_id: acme } });
    expect(phone.status).toBe(201);

    const listed = await call('GET', '/api/v1/suppressions', { key: rootKey });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      data: [phone.body, forAcme.body, orgWide.body],
      has_more: false,
      next_cursor: null,
    });
    const firstPage = await call('GET', '/api/v1/suppressions?limit=2', { key: rootKey });
    expect(firstPage.body).toMatchObject({ has_more: true, next_cursor: forAcme.body.id });
    const secondPage = await call('GET', `/api/v1/suppressions?limit=2&after=${firstPage.body.next_cursor}`, { key: rootKey });
    expect(secondPage.body).toEqual({ data: [orgWide.body], has_more: false, next_cursor: null });

    const filter = async (query: string) =>
      (await call('GET', `/api/v1/suppressions?${query}`, { key: rootKey })).body.data.map((row: { id: string }) => row.id);
    expect(await filter('address=SOMEONE%40example.com')).toEqual([forAcme.body.id, orgWide.body.id]);
    expect(await filter(`tenant_id=${acme}`)).toEqual([phone.body.id, forAcme.body.id]);
    expect(await filter('reason=unsubscribe')).toEqual([forAcme.body.id]);

    expect((await call('GET', `/api/v1/suppressions/${forAcme.body.id}`, { key: rootKey })).body).toEqual(forAcme.body);
    const deleted = await call('DELETE', `/api/v1/suppressions/${forAcme.body.id}`, { key: rootKey });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: forAcme.body.id, deleted: true });
    expect((await call('GET', `/api/v1/suppressions/${forAcme.body.id}`, { key: rootKey })).status).toBe(404);
    expect((await call('DELETE', `/api/v1/suppressions/${forAcme.body.id}`, { key: rootKey })).status).toBe(404);
  });

  it('a tenant-bound key manages its own tenant, reads the org-wide list and never sees a sibling', async () => {
    const { rootKey, acme, globex, acmeKey, globexKey } = await orgWithTwoTenants(call);
    const orgWide = await call('POST', '/api/v1/suppressions', { key: rootKey, body: { address: 'org@example.com' } });
    const globexOwn = await call('POST', '/api/v1/suppressions', { key: globexKey, body: { address: 'g@example.com' } });
    expect(globexOwn.body.tenant_id).toBe(globex);

    // No tenant_id: the key's own tenant, never org-wide.
    const acmeOwn = await call('POST', '/api/v1/suppressions', { key: acmeKey, body: { address: 'a@example.com', reason: 'unsubscribe' } });
    expect(acmeOwn.status).toBe(201);
    expect(acmeOwn.body).toMatchObject({ tenant_id: acme, address: 'a@example.com', reason: 'unsubscribe' });
    const explicit = await call('POST', '/api/v1/suppressions', { key: acmeKey, body: { address: 'a@example.com', tenant_id: acme } });
    expect(explicit.status).toBe(200);
    expect(explicit.body.id).toBe(acmeOwn.body.id);
    // Suppressing an address the org already suppresses still adds the tenant's own row.
    const shadow = await call('POST', '/api/v1/suppressions', { key: acmeKey, body: { address: 'org@example.com' } });
    expect(shadow.status).toBe(201);
    expect(shadow.body.tenant_id).toBe(acme);

    const intoSibling = await call('POST', '/api/v1/suppressions', { key: acmeKey, body: { address: 'x@example.com', tenant_id: globex } });
    expect(intoSibling.status).toBe(404);
    expect(intoSibling.body.error.code).toBe('NOT_FOUND');

    const listed = await call('GET', '/api/v1/suppressions', { key: acmeKey });
    expect(listed.body.data.map((row: { id: string }) => row.id)).toEqual([shadow.body.id, acmeOwn.body.id, orgWide.body.id]);
    expect((await call('GET', `/api/v1/suppressions?tenant_id=${acme}`, { key: acmeKey })).body.data).toHaveLength(2);
    expect((await call('GET', `/api/v1/suppressions?tenant_id=${globex}`, { key: acmeKey })).body.data).toEqual([]);
    expect((await call('GET', '/api/v1/suppressions?address=g%40example.com', { key: acmeKey })).body.data).toEqual([]);

    expect((await call('GET', `/api/v1/suppressions/${globexOwn.body.id}`, { key: acmeKey })).status).toBe(404);
    expect((await call('GET', `/api/v1/suppressions/${orgWide.body.id}`, { key: acmeKey })).body).toEqual(orgWide.body);

    const deleteSibling = await call('DELETE', `/api/v1/suppressions/${globexOwn.body.id}`, { key: acmeKey });
    expect(deleteSibling.status).toBe(404);
    const deleteOrgWide = await call('DELETE', `/api/v1/suppressions/${orgWide.body.id}`, { key: acmeKey });
    expect(deleteOrgWide.status).toBe(403);
    expect(deleteOrgWide.body.error).toMatchObject({ type: 'permission_error', code: 'ORG_WIDE_SUPPRESSION' });
    expect((await call('GET', `/api/v1/suppressions/${globexOwn.body.id}`, { key: rootKey })).status).toBe(200);
    expect((await call('GET', `/api/v1/suppressions/${orgWide.body.id}`, { key: rootKey })).status).toBe(200);

    expect((await call('DELETE', `/api/v1/suppressions/${acmeOwn.body.id}`, { key: acmeKey })).status).toBe(200);
    expect((await call('GET', `/api/v1/suppressions/${acmeOwn.body.id}`, { key: rootKey })).status).toBe(404);
  });

  it('needs suppressions:read to read and suppressions:write to change', async () => {
    const { rootKey, acme, tenantKey } = await orgWithTwoTenants(call);
    const readOnly = await tenantKey(acme, ['suppressions:read']);
    const sendOnly = await tenantKey(acme, ['emails:send']);
    const existing = await call('POST', '/api/v1/suppressions', { key: rootKey, body: { address: 'a@example.com', tenant_id: acme } });
    expect((await call('GET', '/api/v1/suppressions', { key: readOnly })).status).toBe(200);
    const attempts = [
      [readOnly, 'POST', '/api/v1/suppressions', { address: 'b@example.com' }, 'suppressions:write'],
      [readOnly, 'DELETE', `/api/v1/suppressions/${existing.body.id}`, undefined, 'suppressions:write'],
      [sendOnly, 'GET', '/api/v1/suppressions', undefined, 'suppressions:read'],
      [sendOnly, 'GET', `/api/v1/suppressions/${existing.body.id}`, undefined, 'suppressions:read'],
    ] as const;
    for (const [key, method, path, body, scope] of attempts) {
      const response = await call(method, path, { key, body });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.error).toMatchObject({ code: 'MISSING_SCOPE', message: expect.stringContaining(scope) });
    }
  });

  it('rejects bad input with a 422 naming the field, and writes nothing', async () => {
    const { rootKey, orgId } = await orgWithTwoTenants(call);
    const cases = [
      [{ address: 'not-an-address' }, 'address'],
      [{ address: '+1 415 555 0100' }, 'address'],
      [{ address: 42 }, 'address'],
      [{}, 'address'],
      [{ address: 'a@example.com', reason: 'spam' }, 'reason'],
      [{ address: 'a@example.com', colour: 'blue' }, 'colour: unknown field'],
    ] as const;
    for (const [body, field] of cases) {
      const response = await call('POST', '/api/v1/suppressions', { key: rootKey, body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.error).toMatchObject({ type: 'invalid_request_error', code: 'VALIDATION_ERROR' });
      expect(response.body.error.message).toContain(field);
    }
    const unknownTenant = await call('POST', '/api/v1/suppressions', {
      key: rootKey,
      body: { address: 'a@example.com', tenant_id: 'tnt_01m8jh3j50j10t1hg2by2rwmn1' },
    });
    expect(unknownTenant.status).toBe(404);
    const badFilter = await call('GET', '/api/v1/suppressions?reason=spam', { key: rootKey });
    expect(badFilter.status).toBe(422);
    expect(badFilter.body.error.message).toContain('reason');
    const rows = await db.selectFrom('suppressions').select('id').where('org_id', '=', orgId).execute();
    expect(rows).toEqual([]);
  });

  it("a root key sees nothing of another org's suppressions", async () => {
    const a = await orgWithTwoTenants(call);
    const b = await newOrg();
    const created = await call('POST', '/api/v1/suppressions', { key: a.rootKey, body: { address: 'a@example.com' } });
    expect((await call('GET', `/api/v1/suppressions/${created.body.id}`, { key: b.rootKey })).status).toBe(404);
    expect((await call('DELETE', `/api/v1/suppressions/${created.body.id}`, { key: b.rootKey })).status).toBe(404);
    expect((await call('GET', '/api/v1/suppressions', { key: b.rootKey })).body.data).toEqual([]);
    const intoOther = await call('POST', '/api/v1/suppressions', { key: b.rootKey, body: { address: 'a@example.com', tenant_id: a.acme } });
    expect(intoOther.status).toBe(404);
  });
});
