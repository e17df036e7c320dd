import { describe, expect, it } from 'vitest';
import { newOrg, startApi, uniqueSlug } from './helpers.js';

const { call } = startApi();

async function orgWithTenant() {
  const org = await newOrg();
  const tenant = await call('POST', '/api/v1/tenants', {
    key: org.rootKey,
    body: { name: 'Acme Corp', slug: uniqueSlug('acme'), external_ref: 'cust_12345' },
  });
  return { ...org, tenantId: tenant.body.id as string };
}

describe('keys (walkthrough step 4)', () => {
  it('mints a tenant-bound key whose secret is shown once', async () => {
    const { rootKey, tenantId } = await orgWithTenant();
    const created = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: {
        name: 'Acme primary',
        tenant_id: tenantId,
        environment: 'live',
        scopes: ['emails:send', 'sms:send', 'messages:read'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      tenant_id: tenantId,
      scopes: ['emails:send', 'sms:send', 'messages:read'],
      environment: 'live',
      last_used_at: null,
    });
    expect(created.body.id).toMatch(/^key_/);
    expect(created.body.secret).toMatch(/^sok_live_[0-9a-f]{48}$/);
    expect(created.body.last_four).toBe(created.body.secret.slice(-4));

    const listed = await call('GET', '/api/v1/keys', { key: rootKey });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    const fetched = await call('GET', `/api/v1/keys/${created.body.id}`, { key: rootKey });
    expect(fetched.body.secret).toBeUndefined();
    expect(fetched.body.last_four).toBe(created.body.last_four);

    // The tenant key authenticates and its use is recorded.
    const used = await call('GET', '/api/v1/tenants', { key: created.body.secret });
    expect(used.status).toBe(403);
    // last_used_at is written after the response, off the request's path.
    await expect
      .poll(async () => (await call('GET', `/api/v1/keys/${created.body.id}`, { key: rootKey })).body.last_used_at)
      .not.toBeNull();
  });

  it('mints test keys with the sok_test_ prefix', async () => {
    const { rootKey, tenantId } = await orgWithTenant();
    const created = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: { name: 'sandbox', tenant_id: tenantId, environment: 'test' },
    });
    expect(created.body.secret).toMatch(/^sok_test_/);
  });

  it('updates name, scopes and allowed_domain_ids', async () => {
    const { rootKey, tenantId } = await orgWithTenant();
    const created = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: { name: 'Acme', tenant_id: tenantId, scopes: ['emails:send'] },
    });
    const updated = await call('PATCH', `/api/v1/keys/${created.body.id}`, {
      key: rootKey,
      body: { name: 'Acme v2', scopes: ['emails:send', 'messages:read'] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Acme v2', scopes: ['emails:send', 'messages:read'] });

    const unchanged = await call('PATCH', `/api/v1/keys/${created.body.id}`, { key: rootKey, body: {} });
    expect(unchanged.status, JSON.stringify(unchanged.body)).toBe(200);
    expect(unchanged.body).toEqual(updated.body);
  });

  it('revokes a key: the very next request with it is 401 INVALID_API_KEY, though the key was cached', async () => {
    const { rootKey, tenantId } = await orgWithTenant();
    const created = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: { name: 'to revoke', tenant_id: tenantId, scopes: ['messages:read'] },
    });
    const secondRoot = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'second root' } });
    // Warm the cache of this process with both keys.
    expect((await call('GET', '/api/v1/keys', { key: secondRoot.body.secret })).status).toBe(200);
    expect((await call('GET', '/api/v1/messages', { key: created.body.secret })).status).toBe(200);
    expect((await call('DELETE', `/api/v1/keys/${created.body.id}`, { key: rootKey })).status).toBe(200);
    expect((await call('DELETE', `/api/v1/keys/${secondRoot.body.id}`, { key: rootKey })).status).toBe(200);
    const refused = await call('GET', '/api/v1/keys', { key: secondRoot.body.secret });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ type: 'authentication_error', code: 'INVALID_API_KEY' });
    expect((await call('GET', '/api/v1/messages', { key: created.body.secret })).status).toBe(401);
    expect((await call('GET', `/api/v1/keys/${created.body.id}`, { key: rootKey })).status).toBe(404);
  });

  it('a changed scope, a suspension, a reactivation and a deletion apply to the next request, though the key was cached', async () => {
    const { rootKey, tenantId } = await orgWithTenant();
    const { body: key } = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: { name: 'cached', tenant_id: tenantId, scopes: ['messages:read', 'usage:read'] },
    });
    const read = () => call('GET', '/api/v1/messages', { key: key.secret });
    expect((await read()).status).toBe(200);

    await call('PATCH', `/api/v1/keys/${key.id}`, { key: rootKey, body: { scopes: ['usage:read'] } });
    expect((await read()).body.error).toMatchObject({ code: 'MISSING_SCOPE' });
    await call('PATCH', `/api/v1/keys/${key.id}`, { key: rootKey, body: { scopes: ['messages:read'] } });
    expect((await read()).status).toBe(200);

    await call('PATCH', `/api/v1/tenants/${tenantId}`, { key: rootKey, body: { status: 'suspended' } });
    expect((await read()).body.error).toMatchObject({ code: 'TENANT_FORBIDDEN' });
    await call('PATCH', `/api/v1/tenants/${tenantId}`, { key: rootKey, body: { status: 'active' } });
    expect((await read()).status).toBe(200);

    expect((await call('DELETE', `/api/v1/tenants/${tenantId}`, { key: rootKey })).status).toBe(202);
    const refused = await read();
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: 'INVALID_API_KEY' });
  });

  it('a root test key reads tenants and keys but changes none of what live sending stands on', async () => {
    const { rootKey, tenantId } = await orgWithTenant();
    const { body: testRoot } = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'ci', environment: 'test' } });
    const { body: liveKey } = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'live', tenant_id: tenantId } });
    const { body: inbox } = await call('POST', '/api/v1/test-inboxes', { key: rootKey, body: { email: 'qa@example.com', tenant_id: tenantId } });
    const { body: sender } = await call('POST', '/api/v1/sms/senders', { key: rootKey, body: { tenant_id: tenantId, sender_id: 'ACME' } });
    const attempts = [
      ['POST', '/api/v1/keys', { name: 'escalate', environment: 'live' }, 'keys'],
      ['POST', '/api/v1/keys', { name: 'another test key', environment: 'test' }, 'keys'],
      ['PATCH', `/api/v1/keys/${liveKey.id}`, { name: 'renamed' }, 'keys'],
      ['DELETE', `/api/v1/keys/${liveKey.id}`, undefined, 'keys'],
      ['POST', '/api/v1/tenants', { name: 'x', slug: uniqueSlug('x') }, 'tenants'],
      ['PATCH', `/api/v1/tenants/${tenantId}`, { status: 'suspended' }, 'tenants'],
      ['DELETE', `/api/v1/tenants/${tenantId}`, undefined, 'tenants'],
      ['POST', '/api/v1/sms/senders', { tenant_id: tenantId, sender_id: 'EVIL' }, 'SMS senders'],
      ['DELETE', `/api/v1/sms/senders/${sender.id}`, undefined, 'SMS senders'],
      ['DELETE', `/api/v1/test-inboxes/${inbox.id}`, undefined, 'test inboxes'],
    ] as const;
    for (const [method, path, body, what] of attempts) {
      const refused = await call(method, path, { key: testRoot.secret, body });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.error).toMatchObject({ type: 'permission_error', code: 'TEST_KEY_CANNOT_CHANGE_LIVE', message: `a test key cannot change ${what}; use a live key` });
    }
    expect((await call('GET', `/api/v1/tenants/${tenantId}`, { key: testRoot.secret })).body.status).toBe('active');
    expect((await call('GET', `/api/v1/keys/${liveKey.id}`, { key: testRoot.secret })).body.name).toBe('live');
    expect((await call('GET', '/api/v1/keys', { key: testRoot.secret })).body.data).toHaveLength(3);
    expect((await call('GET', '/api/v1/messages', { key: liveKey.secret })).status).not.toBe(401);
  });

  it('a tenant-bound key can never mint keys, see keys or touch tenants', async () => {
    const { rootKey, tenantId } = await orgWithTenant();
    const tenantKey = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'acme', tenant_id: tenantId } });
    const secret = tenantKey.body.secret;
    const attempts = [
      ['POST', '/api/v1/keys', { name: 'escalate' }, 'keys:*'],
      ['GET', '/api/v1/keys', undefined, 'keys:*'],
      ['GET', `/api/v1/keys/${tenantKey.body.id}`, undefined, 'keys:*'],
      ['DELETE', `/api/v1/keys/${tenantKey.body.id}`, undefined, 'keys:*'],
      ['POST', '/api/v1/tenants', { name: 'x', slug: 'x' }, 'tenants:*'],
      ['GET', `/api/v1/tenants/${tenantId}`, undefined, 'tenants:*'],
      ['PATCH', `/api/v1/tenants/${tenantId}`, { status: 'active' }, 'tenants:*'],
    ] as const;
    for (const [method, path, body, scope] of attempts) {
      const response = await call(method, path, { key: secret, body });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.error).toMatchObject({ type: 'permission_error', code: 'MISSING_SCOPE' });
      expect(response.body.error.message).toContain(scope);
    }
  });

  it('refuses tenant-only scopes for root keys and root scopes for tenant keys', async () => {
    const { rootKey, tenantId } = await orgWithTenant();
    const rootWithScopes = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'r', scopes: ['emails:send'] } });
    expect(rootWithScopes.status).toBe(422);
    expect(rootWithScopes.body.error.message).toContain('scopes');
    const escalated = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: { name: 't', tenant_id: tenantId, scopes: ['keys:*'] },
    });
    expect(escalated.status).toBe(422);
    expect(escalated.body.error.message).toContain('scopes.0');
    const unknownTenant = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: { name: 't', tenant_id: 'tnt_01m8jh3j50j10t1hg2by2rwmn1' },
    });
    expect(unknownTenant.status).toBe(404);
  });

  it("a root key can do nothing in another org", async () => {
    const a = await orgWithTenant();
    const b = await newOrg();
    const aKey = await call('POST', '/api/v1/keys', { key: a.rootKey, body: { name: 'a', tenant_id: a.tenantId } });
    expect((await call('GET', `/api/v1/keys/${aKey.body.id}`, { key: b.rootKey })).status).toBe(404);
    expect((await call('PATCH', `/api/v1/keys/${aKey.body.id}`, { key: b.rootKey, body: { name: 'x' } })).status).toBe(404);
    expect((await call('DELETE', `/api/v1/keys/${aKey.body.id}`, { key: b.rootKey })).status).toBe(404);
    expect((await call('POST', '/api/v1/keys', { key: b.rootKey, body: { name: 'x', tenant_id: a.tenantId } })).status).toBe(404);
    const bList = await call('GET', '/api/v1/keys', { key: b.rootKey });
    expect(bList.body.data.map((k: { id: string }) => k.id)).toEqual([b.rootKeyId]);
    // The key still works in its own org.
    expect((await call('GET', `/api/v1/keys/${aKey.body.id}`, { key: a.rootKey })).status).toBe(200);
  });
});
