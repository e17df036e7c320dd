import { describe, expect, it } from 'vitest';
import { db } from '../src/db/index.js';
import { sendEmailProcessor } from '../workers/send-email.js';
import { startApi, uniqueSlug } from './helpers.js';
import { platform, runWorkers, settled } from './sending-helpers.js';

const { call } = startApi();
runWorkers(sendEmailProcessor);

async function send(key: string, from: string, extra: Record<string, unknown> = {}) {
  const sent = await call('POST', '/api/v1/emails', { key, body: { from, to: 'reader@example.com', subject: 'News', text: 'x', ...extra } });
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  return sent.body.id as string;
}

describe("a deleting tenant's domains", () => {
  it("refuse a root key's send as an unknown domain does, writing nothing; a suspended tenant's still hold mail", async () => {
    const { orgId, rootKey, acme, globex } = await platform(call);
    const unknown = await call('POST', '/api/v1/emails', {
      key: rootKey,
      body: { from: 'news@never-registered.example', to: 'reader@example.com', subject: 'x', text: 'x' },
    });
    expect((await call('DELETE', `/api/v1/tenants/${acme.id}`, { key: rootKey })).status).toBe(202);

    const fromDeleting = { from: `news@${acme.domain}`, to: 'reader@example.com', subject: 'x', text: 'x' };
    const refused = await call('POST', '/api/v1/emails', { key: rootKey, body: fromDeleting });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ ...unknown.body.error, message: `from ${acme.domain} is not in key's allowed_domain_ids` });
    const batch = await call('POST', '/api/v1/emails/batch', { key: rootKey, body: [{ ...fromDeleting, from: `news@${globex.domain}` }, fromDeleting] });
    expect(batch.status).toBe(403);
    expect(batch.body.error).toEqual({ ...unknown.body.error, message: `[1] from ${acme.domain} is not in key's allowed_domain_ids` });
    const written = await db.selectFrom('messages').select('id').where('org_id', '=', orgId).execute();
    expect(written).toEqual([]);

    // Suspension keeps the data and holds the mail (README); only deletion makes the domain unknown.
    expect((await call('PATCH', `/api/v1/tenants/${globex.id}`, { key: rootKey, body: { status: 'suspended' } })).status).toBe(200);
    const held = await call('POST', '/api/v1/emails', {
      key: rootKey,
      body: { from: `news@${globex.domain}`, to: 'reader@example.com', subject: 'x', text: 'x' },
    });
    expect(held.body).toEqual({ id: expect.stringMatching(/^msg_/), status: 'queued' });
  });
});

describe('test keys and domains', () => {
  it('read domains but cannot create or delete one (tenant-bound and root); what they cannot see stays a 404', async () => {
    const { rootKey, acme, globex } = await platform(call);
    const mint = async (body: Record<string, unknown>) =>
      (await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'ci', environment: 'test', ...body } })).body.secret as string;
    const tenantTestKey = await mint({ tenant_id: acme.id, scopes: ['domains:read', 'domains:write', 'emails:send'] });
    const rootTestKey = await mint({});
    const refusal = { type: 'permission_error', code: 'TEST_KEY_CANNOT_CHANGE_LIVE', message: 'a test key cannot change domains; use a live key' };
    const name = `${uniqueSlug('ci')}.example`;

    for (const key of [tenantTestKey, rootTestKey]) {
      const created = await call('POST', '/api/v1/domains', { key, body: { name, tenant_id: acme.id } });
      expect(created.status).toBe(403);
      expect(created.body.error).toEqual(refusal);
      const deleted = await call('DELETE', `/api/v1/domains/${acme.domainId}`, { key });
      expect(deleted.status).toBe(403);
      expect(deleted.body.error).toEqual(refusal);

      expect((await call('GET', `/api/v1/domains/${acme.domainId}`, { key })).body.status).toBe('verified');
      expect((await call('GET', '/api/v1/domains', { key })).body.data.map((domain: { id: string }) => domain.id)).toContain(acme.domainId);
      // Checking a domain only asks its DNS; a verified one stays as it is.
      expect((await call('POST', `/api/v1/domains/${acme.domainId}/verify`, { key })).body.status).toBe('verified');
    }

    // A sibling's domain and tenant stay unseen: a 404, not a 403 that would confirm them.
    for (const [method, path, body] of [
      ['DELETE', `/api/v1/domains/${globex.domainId}`, undefined],
      ['POST', '/api/v1/domains', { name, tenant_id: globex.id }],
    ] as const) {
      expect((await call(method, path, { key: tenantTestKey, body })).status, `${method} ${path}`).toBe(404);
    }

    const registered = await db.selectFrom('domains').select('id').where('name', '=', name).execute();
    expect(registered).toEqual([]);
    const live = await send(acme.key, `news@${acme.domain}`);
    expect((await settled(call, acme.key, live)).status).toBe('sent');
  });
});
