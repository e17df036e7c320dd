import { describe, expect, it } from 'vitest';
import { newId } from '../src/platform/ids.js';
import { webhooksProcessor } from '../workers/webhooks.js';
import { ctx, db, newOrg, startApi, uniqueSlug } from './helpers.js';
import { platform, runWorkers, settled } from './sending-helpers.js';
import { startReceiver } from './webhook-receiver.js';

// Webhooks go to a receiver on 127.0.0.1 over http: the test environment allows that (vitest.config.ts).
const { call } = startApi();
const receiver = startReceiver();
runWorkers(ctx, 'email', webhooksProcessor);

const inTwoSeconds = () => new Date(Date.now() + 2_000).toISOString();

async function send(key: string, from: string, extra: Record<string, unknown> = {}) {
  const sent = await call('POST', '/api/v1/emails', { key, body: { from, to: 'reader@example.com', subject: 'News', text: 'x', ...extra } });
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  return sent.body.id as string;
}

async function webhookEndpoint(rootKey: string, events: string[]) {
  const path = `/${uniqueSlug('hook')}`;
  const created = await call('POST', '/api/v1/webhooks/endpoints', { key: rootKey, body: { url: receiver.url(path), events } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return path;
}

/** A verified domain on record (verification itself is the domains suite's subject). */
async function verifiedDomain(orgId: string, tenantId: string | null, name = `${uniqueSlug('news')}.example`) {
  const id = newId('domain');
  await db
    .insertInto('domains')
    .values({ id, org_id: orgId, tenant_id: tenantId, name, status: 'verified', dkim_tokens: [], verification_token: 'x' })
    .execute();
  return { id, name };
}

/** Another org registers a freed name through the API; its DNS then checks out. */
async function registerElsewhere(name: string) {
  const other = await newOrg('Other SaaS');
  const created = await call('POST', '/api/v1/domains', { key: other.rootKey, body: { name } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await db.updateTable('domains').set({ status: 'verified' }).where('id', '=', created.body.id).execute();
  return other;
}

const outboxOf = (messageIds: string[]) =>
  db.selectFrom('local_outbox').select(['message_id', 'payload']).where('message_id', 'in', messageIds).execute();

describe('deleting a domain', () => {
  it('cancels its scheduled and held mail, once however many DELETEs race; the name re-registered by another org sends none of it', async () => {
    const { rootKey, acme, globex } = await platform(call);
    const hooks = await webhookEndpoint(rootKey, ['message.canceled']);
    const at = inTwoSeconds();
    const scheduled = await send(acme.key, `Acme <news@${acme.domain}>`, { scheduled_at: at });
    const siblingScheduled = await send(globex.key, `news@${globex.domain}`, { scheduled_at: at });
    // A suspended tenant's mail is held: a root key may still send from its domain, and the message waits.
    expect((await call('PATCH', `/api/v1/tenants/${acme.id}`, { key: rootKey, body: { status: 'suspended' } })).status).toBe(200);
    const held = await send(rootKey, `news@${acme.domain}`);

    const deletes = await Promise.all([1, 2].map(() => call('DELETE', `/api/v1/domains/${acme.domainId}`, { key: rootKey })));
    expect(deletes.map((response) => response.status).sort()).toEqual([200, 404]);

    const reason = `canceled: the sending domain ${acme.domain} (${acme.domainId}) was deleted`;
    for (const [id, first] of [[scheduled, 'scheduled'], [held, 'queued']]) {
      const message = (await call('GET', `/api/v1/messages/${id}`, { key: rootKey })).body;
      expect(message).toMatchObject({ status: 'canceled', last_error: reason });
      expect(message.events.map((event: { type: string }) => event.type)).toEqual([first, 'canceled']);
    }

    await registerElsewhere(acme.domain);
    expect((await call('PATCH', `/api/v1/tenants/${acme.id}`, { key: rootKey, body: { status: 'active' } })).status).toBe(200);
    // The sibling's mail, due at the same time, is untouched and goes out.
    expect((await settled(call, rootKey, siblingScheduled)).status).toBe('sent');

    const webhooks = await receiver.waitFor(hooks, 2);
    expect(webhooks.map((webhook) => webhook.payload.data).sort((a, b) => a.message_id.localeCompare(b.message_id))).toEqual(
      [scheduled, held].sort().map((id) => expect.objectContaining({ message_id: id, reason: 'domain_deleted', domain_id: acme.domainId })),
    );
    for (const id of [scheduled, held]) expect((await call('GET', `/api/v1/messages/${id}`, { key: rootKey })).body.status).toBe('canceled');
    expect(await outboxOf([scheduled, held])).toEqual([]);
  });
});

describe('the send worker checks the sending domain when it sends', () => {
  it('fails mail whose domain was deleted, moved or unverified since it was accepted, with its webhook; the rest goes out', async () => {
    const { orgId, rootKey, acme, globex } = await platform(call);
    const hooks = await webhookEndpoint(rootKey, ['message.failed']);
    const unverified = await verifiedDomain(orgId, acme.id);
    const moved = await verifiedDomain(orgId, acme.id);
    const orgLevel = await verifiedDomain(orgId, null);
    const pending = await call('POST', '/api/v1/domains', { key: rootKey, body: { name: `${uniqueSlug('pending')}.example`, tenant_id: acme.id } });
    const testKey = await call('POST', '/api/v1/keys', {
      key: rootKey,
      body: { name: 'ci', tenant_id: acme.id, environment: 'test', scopes: ['emails:send', 'messages:read'] },
    });

    const at = inTwoSeconds();
    const fromDeleted = await send(acme.key, `Acme <news@${acme.domain}>`, { scheduled_at: at });
    const fromUnverified = await send(rootKey, `news@${unverified.name}`, { scheduled_at: at });
    const fromMoved = await send(rootKey, `news@${moved.name}`, { scheduled_at: at });
    const fromSibling = await send(globex.key, `news@${globex.domain}`, { scheduled_at: at });
    const fromOrgLevel = await send(rootKey, `news@${orgLevel.name}`, { scheduled_at: at });
    const testFromPending = await send(testKey.body.secret, `news@${pending.body.name}`, { scheduled_at: at });

    // What acceptance saw is no longer so. The row deleted under the message stands for mail accepted by a
    // process whose cached copy of the domain was a moment old, or a delete whose cancellation never ran.
    await db.deleteFrom('domains').where('id', '=', acme.domainId).execute();
    const newOwner = await registerElsewhere(acme.domain);
    await db.updateTable('domains').set({ status: 'failed' }).where('id', '=', unverified.id).execute();
    await db.updateTable('domains').set({ tenant_id: globex.id }).where('id', '=', moved.id).execute();

    const failures = {
      [fromDeleted]: `the sending domain ${acme.domain} (${acme.domainId}) was deleted`,
      [fromUnverified]: `the sending domain ${unverified.name} (${unverified.id}) is no longer verified (it is failed)`,
      [fromMoved]: `the sending domain ${moved.name} (${moved.id}) now belongs to another tenant`,
    };
    for (const [id, error] of Object.entries(failures)) {
      const message = await settled(call, rootKey, id);
      expect(message).toMatchObject({ status: 'failed', last_error: error });
      expect(message.events.map((event: { type: string }) => event.type)).toEqual(['scheduled', 'failed']);
    }
    expect((await settled(call, rootKey, fromSibling)).status).toBe('sent');
    expect((await settled(call, rootKey, fromOrgLevel)).status).toBe('sent');
    expect(['sent', 'delivered']).toContain((await settled(call, rootKey, testFromPending)).status);

    const webhooks = await receiver.waitFor(hooks, 3);
    expect(Object.fromEntries(webhooks.map((webhook) => [webhook.payload.data.message_id, webhook.payload.data.error]))).toEqual(failures);
    expect((await outboxOf([fromDeleted, fromUnverified, fromMoved, fromSibling, fromOrgLevel])).map((row) => row.message_id).sort()).toEqual(
      [fromSibling, fromOrgLevel].sort(),
    );

    // The name's new owner sends from it as its own; none of the old owner's mail went out under it.
    const theirs = await send(newOwner.rootKey, `news@${acme.domain}`);
    expect((await settled(call, newOwner.rootKey, theirs)).status).toBe('sent');
  });
});

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

describe("a deleting tenant's domains, just used", () => {
  it('are refused right after DELETE returns, though the process had them cached', async () => {
    const { rootKey, acme } = await platform(call);
    const email = { from: `news@${acme.domain}`, to: 'reader@example.com', subject: 'x', text: 'x' };
    expect((await call('POST', '/api/v1/emails', { key: rootKey, body: email })).status).toBe(202);
    expect((await call('DELETE', `/api/v1/tenants/${acme.id}`, { key: rootKey })).status).toBe(202);
    const refused = await call('POST', '/api/v1/emails', { key: rootKey, body: email });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('DOMAIN_NOT_ALLOWED_FOR_KEY');
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
