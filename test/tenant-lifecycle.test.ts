import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/platform/ids.js';
import { deleteTenantData } from '../src/tenants/deletion.js';
import { cancelExpiredHolds } from '../src/tenants/suspension.js';
import { importsProcessor } from '../workers/imports.js';
import { tenantsProcessor } from '../workers/tenants.js';
import { webhooksProcessor } from '../workers/webhooks.js';
import { ctx, db, startApi } from './helpers.js';
import { platform, runWorkers, settled } from './sending-helpers.js';
import { isEmpty, rowCounts } from './tenant-lifecycle-helpers.js';
import { eventually, sleep, startReceiver } from './webhook-receiver.js';

const { call } = startApi();
const receiver = startReceiver();
// Org-level webhooks go to a receiver on 127.0.0.1 over http: the test environment allows that (vitest.config.ts).
runWorkers(ctx, 'email', tenantsProcessor, webhooksProcessor, importsProcessor);
beforeAll(() => ctx.jobs.ready());

const tenantEvents = ['tenant.suspended', 'tenant.reactivated', 'tenant.deleted'];
let pathCounter = 0;

/** Acme and Globex (see platform()) plus an org-level endpoint and one of Acme's own, each on its own receiver path. */
async function platformWithEndpoints() {
  const org = await platform(call);
  const endpoint = async (tenantId: string | null, events: string[]) => {
    const path = `/lifecycle-${++pathCounter}-${Math.random().toString(36).slice(2, 8)}`;
    const created = await call('POST', '/api/v1/webhooks/endpoints', {
      key: org.rootKey,
      body: { url: receiver.url(path), tenant_id: tenantId, events },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { id: created.body.id as string, path };
  };
  return {
    ...org,
    orgEndpoint: await endpoint(null, [...tenantEvents, 'message.canceled']),
    // Acme's own endpoint hears Acme's messages, but no tenant.* events: those concern Acme, not Acme's customers.
    acmeEndpoint: await endpoint(org.acme.id, [...tenantEvents, 'message.sent']),
  };
}

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

async function sendEmail(key: string, domain: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return call('POST', '/api/v1/emails', {
    key,
    headers,
    body: { from: `hello@${domain}`, to: ['someone@example.com'], subject: 'Hi', text: 'Hello', ...extra },
  });
}

/**
 * Waits until a witness scheduled no earlier than a held message has been sent: its time has come and the send
 * path has moved on past it, so the held message is due and was passed over. Returns the held message as read.
 */
async function heldPastItsTime(key: string, heldId: string, witness: { key: string; id: string }) {
  expect((await settled(call, witness.key, witness.id)).status).toBe('sent');
  return (await call('GET', `/api/v1/messages/${heldId}`, { key })).body;
}

const webhookTypes = (path: string) => receiver.at(path).map((webhook) => webhook.payload.type);

async function refusedWithin(key: string, domain: string, status: number, code: string) {
  return eventually(async () => {
    const response = await sendEmail(key, domain);
    return response.status === status && response.body.error.code === code ? response : undefined;
  }, 2_500);
}

describe('tenant suspension (walkthrough step 8)', () => {
  it("holds a suspended tenant's messages and sends them on reactivation; keys answer 403 meanwhile", async () => {
    const { rootKey, acme, globex, orgEndpoint, acmeEndpoint } = await platformWithEndpoints();
    const scheduled = await sendEmail(acme.key, acme.domain, { scheduled_at: inSeconds(1) });
    expect(scheduled.status).toBe(202);

    const suspended = await call('PATCH', `/api/v1/tenants/${acme.id}`, { key: rootKey, body: { status: 'suspended' } });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', suspended_at: expect.any(String) });
    const refused = await refusedWithin(acme.key, acme.domain, 403, 'TENANT_FORBIDDEN');
    expect(refused.body.error.type).toBe('permission_error');
    // The sibling is untouched: it sends, and its message scheduled after Acme's goes when due.
    expect((await sendEmail(globex.key, globex.domain)).status).toBe(202);
    const globexScheduled = await sendEmail(globex.key, globex.domain, { scheduled_at: inSeconds(1) });
    expect(globexScheduled.status).toBe(202);

    // The message came due while Acme was suspended: it was left waiting, data intact.
    const held = await heldPastItsTime(rootKey, scheduled.body.id, { key: globex.key, id: globexScheduled.body.id });
    expect(held.status).toBe('scheduled');

    const [suspendedEvent] = await receiver.waitFor(orgEndpoint.path, 1);
    expect(suspendedEvent?.payload).toMatchObject({ type: 'tenant.suspended', data: { tenant_id: acme.id, status: 'suspended' } });

    const reactivated = await call('PATCH', `/api/v1/tenants/${acme.id}`, { key: rootKey, body: { status: 'active' } });
    expect(reactivated.body).toMatchObject({ status: 'active', suspended_at: null });
    const sent = await settled(call, rootKey, scheduled.body.id);
    expect(sent.status).toBe('sent');
    const accepted = await eventually(async () => {
      const response = await sendEmail(acme.key, acme.domain);
      return response.status === 202 ? response : undefined;
    }, 2_500);
    // Sent before the next suspension holds it (a held message would count among the next test's expired holds).
    expect((await settled(call, rootKey, accepted.body.id)).status).toBe('sent');

    // A second suspension is a new event (its own webhook-id); the tenant's own endpoint hears none of them.
    await call('PATCH', `/api/v1/tenants/${acme.id}`, { key: rootKey, body: { status: 'suspended' } });
    await call('PATCH', `/api/v1/tenants/${acme.id}`, { key: rootKey, body: { status: 'suspended' } });
    const orgWebhooks = await receiver.waitFor(orgEndpoint.path, 3);
    expect(orgWebhooks.map((webhook) => webhook.payload.type)).toEqual(['tenant.suspended', 'tenant.reactivated', 'tenant.suspended']);
    expect(new Set(orgWebhooks.map((webhook) => webhook.headers['webhook-id'])).size).toBe(3);
    await sleep(300);
    expect(receiver.at(orgEndpoint.path)).toHaveLength(3);
    expect(webhookTypes(acmeEndpoint.path).filter((type) => type.startsWith('tenant.'))).toEqual([]);
  });

  it('cancels what a suspension has held for longer than SUSPENSION_HOLD_HOURS', async () => {
    const { orgId, rootKey, acme, globex, orgEndpoint } = await platformWithEndpoints();
    const scheduled = await sendEmail(acme.key, acme.domain, { scheduled_at: inSeconds(1) });
    const globexScheduled = await sendEmail(globex.key, globex.domain, { scheduled_at: inSeconds(3_600) });
    await call('PATCH', `/api/v1/tenants/${acme.id}`, { key: rootKey, body: { status: 'suspended' } });
    const witness = await sendEmail(globex.key, globex.domain, { scheduled_at: inSeconds(1) });
    expect((await heldPastItsTime(rootKey, scheduled.body.id, { key: globex.key, id: witness.body.id })).status).toBe('scheduled');
    // A message still queued when the suspension began.
    const queuedId = newId('message');
    await db
      .insertInto('messages')
      .values({
        id: queuedId,
        org_id: orgId,
        tenant_id: acme.id,
        key_id: null,
        channel: 'email',
        environment: 'live',
        status: 'queued',
        sender: `hello@${acme.domain}`,
        recipients: ['someone@example.com'],
        subject: 'Hi',
        domain_id: acme.domainId,
        content: JSON.stringify({ cc: [], bcc: [], reply_to: [], text: 'Hello', headers: {}, attachments: [] }),
        tags: '[]',
        created_at: new Date(Date.now() - 73 * 3_600_000),
      })
      .execute();

    // Not yet: held for less than the hold.
    expect(await cancelExpiredHolds(ctx)).toBe(0);

    // 73 hours on, by the context's clock.
    const later = { ...ctx, clock: () => new Date(Date.now() + 73 * 3_600_000) };
    expect(await cancelExpiredHolds(later)).toBe(2);
    expect(await cancelExpiredHolds(later)).toBe(0);

    for (const id of [scheduled.body.id, queuedId]) {
      const message = await call('GET', `/api/v1/messages/${id}`, { key: rootKey });
      expect(message.body.status).toBe('canceled');
      expect(message.body.last_error).toContain('suspended');
      expect(message.body.events.at(-1)).toMatchObject({ type: 'canceled', data: { reason: 'tenant_suspended' } });
    }
    const canceledWebhooks = await eventually(async () => {
      const found = receiver.at(orgEndpoint.path).filter((webhook) => webhook.payload.type === 'message.canceled');
      return found.length === 2 ? found : undefined;
    });
    expect(canceledWebhooks.map((webhook) => webhook.payload.data.tenant_id)).toEqual([acme.id, acme.id]);
    expect((await call('GET', `/api/v1/messages/${globexScheduled.body.id}`, { key: rootKey })).body.status).toBe('scheduled');

    // Reactivation does not bring canceled messages back.
    await call('PATCH', `/api/v1/tenants/${acme.id}`, { key: rootKey, body: { status: 'active' } });
    await sleep(500);
    expect((await call('GET', `/api/v1/messages/${scheduled.body.id}`, { key: rootKey })).body.status).toBe('canceled');
  });
});

describe('tenant deletion (walkthrough step 9)', () => {
  /** Gives Acme and Globex a row in every tenant table, through the API wherever there is one. */
  async function populate(org: Awaited<ReturnType<typeof platformWithEndpoints>>) {
    for (const tenant of [org.acme, org.globex]) {
      // A monthly quota, so the send below leaves a quota counter too.
      const limited = await call('PATCH', `/api/v1/tenants/${tenant.id}`, { key: org.rootKey, body: { limits: { email_per_month: 1_000 } } });
      expect(limited.status).toBe(200);
      const sent = await sendEmail(tenant.key, tenant.domain, {}, { 'Idempotency-Key': `welcome-${tenant.id}` });
      expect(sent.status).toBe(202);
      await settled(call, org.rootKey, sent.body.id);
      const writes: [string, Record<string, unknown>][] = [
        ['/api/v1/suppressions', { address: 'bounced@example.com', tenant_id: tenant.id }],
        ['/api/v1/templates', { name: 'Welcome', subject: 'Hi', text: 'Hello', tenant_id: tenant.id }],
        ['/api/v1/audiences', { name: 'Newsletter', tenant_id: tenant.id }],
        ['/api/v1/test-inboxes', { email: 'qa@example.com', tenant_id: tenant.id }],
      ];
      for (const [path, body] of writes) {
        const created = await call('POST', path, { key: org.rootKey, body });
        expect(created.status, `${path} ${JSON.stringify(created.body)}`).toBe(201);
        if (path === '/api/v1/audiences') {
          const contact = await call('POST', `${path}/${created.body.id}/contacts`, { key: org.rootKey, body: { email: 'a@example.com' } });
          expect(contact.status).toBe(201);
          const imported = await call('POST', `${path}/${created.body.id}/contacts/import`, {
            key: org.rootKey,
            body: { contacts: [{ email: 'b@example.com' }] },
          });
          expect(imported.status).toBe(202);
        }
      }
    }
    await eventually(async () => (await rowCounts(org.acme.id)).webhook_deliveries > 0 && (await rowCounts(org.globex.id)).contacts === 2);
  }

  it('deletes every row of the tenant in the background, shows progress, then answers 404', async () => {
    const org = await platformWithEndpoints();
    const { rootKey, acme, globex, orgEndpoint } = org;
    await populate(org);
    const acmeTemplate = (await call('GET', `/api/v1/templates?tenant_id=${acme.id}`, { key: rootKey })).body.data[0];
    const acmeAudience = (await call('GET', `/api/v1/audiences?tenant_id=${acme.id}`, { key: rootKey })).body.data[0];
    const before = await rowCounts(acme.id);
    for (const [table, count] of Object.entries(before)) expect(count, table).toBeGreaterThan(0);
    const acmeMessageIds = (await db.selectFrom('messages').select('id').where('tenant_id', '=', acme.id).execute()).map((row) => row.id);
    const acmeDeliveryIds = (await db.selectFrom('webhook_deliveries').select('id').where('tenant_id', '=', acme.id).execute()).map((row) => row.id);
    expect(await db.selectFrom('local_outbox').select('message_id').where('message_id', 'in', acmeMessageIds).execute()).not.toEqual([]);
    const globexBefore = await rowCounts(globex.id);

    const deleting = await call('DELETE', `/api/v1/tenants/${acme.id}`, { key: rootKey });
    expect(deleting.status).toBe(202);
    expect(deleting.body).toMatchObject({
      id: acme.id,
      status: 'deleting',
      deletion: { started_at: expect.any(String), rows_deleted: expect.any(Number), current_table: expect.any(String) },
    });
    // Unusable from now on: keys refused, resources gone, no more changes.
    await refusedWithin(acme.key, acme.domain, 401, 'INVALID_API_KEY');
    expect((await call('GET', `/api/v1/templates/${acmeTemplate.id}`, { key: rootKey })).status).toBe(404);
    expect((await call('GET', `/api/v1/audiences/${acmeAudience.id}`, { key: rootKey })).status).toBe(404);
    const patched = await call('PATCH', `/api/v1/tenants/${acme.id}`, { key: rootKey, body: { status: 'active' } });
    expect(patched.status).toBe(409);
    expect(patched.body.error.code).toBe('TENANT_DELETING');
    expect((await call('POST', '/api/v1/templates', { key: rootKey, body: { name: 'x', subject: 'x', text: 'x', tenant_id: acme.id } })).status).toBe(404);

    await eventually(async () => (await call('GET', `/api/v1/tenants/${acme.id}`, { key: rootKey })).status === 404, 15_000);
    expect(isEmpty(await rowCounts(acme.id))).toBe(true);
    expect(await db.selectFrom('local_outbox').select('message_id').where('message_id', 'in', acmeMessageIds).execute()).toEqual([]);
    expect(await db.selectFrom('webhook_attempts').select('delivery_id').where('delivery_id', 'in', acmeDeliveryIds).execute()).toEqual([]);
    expect(await rowCounts(globex.id)).toEqual(globexBefore);
    expect((await sendEmail(globex.key, globex.domain)).status).toBe(202);

    const deletedWebhook = await eventually(async () => receiver.at(orgEndpoint.path).find((webhook) => webhook.payload.type === 'tenant.deleted'));
    expect(deletedWebhook.payload.data).toMatchObject({ tenant_id: acme.id, status: 'deleted', deletion: { finished_at: expect.any(String) } });
    // Every row was counted once, whatever was written while the deletion ran.
    const counted = deletedWebhook.payload.data.deletion.rows_deleted_by_table as Record<string, number>;
    for (const [table, count] of Object.entries(before)) expect(counted[table] ?? 0, table).toBeGreaterThanOrEqual(count);

    expect((await call('DELETE', `/api/v1/tenants/${acme.id}`, { key: rootKey })).status).toBe(404);
  });

  it('finds in later passes the rows written behind the first pass', async () => {
    const { orgId, rootKey, acme, globex } = await platformWithEndpoints();
    const sent = await sendEmail(acme.key, acme.domain);
    await settled(call, rootKey, sent.body.id);
    // Acme's endpoint hears message.sent: deliveries of Acme's webhook events exist.
    await eventually(async () => (await rowCounts(acme.id)).webhook_deliveries > 0);
    const before = await rowCounts(acme.id);
    const globexBefore = await rowCounts(globex.id);

    // A deletion whose first pass is already past keys, webhooks and messages, as if all of them had been
    // written after it went by (its job is run here, not queued).
    await db.updateTable('tenants').set({ status: 'deleting' }).where('id', '=', acme.id).execute();
    await db
      .insertInto('tenant_deletions')
      .values({ tenant_id: acme.id, org_id: orgId, tenant: JSON.stringify({ id: acme.id }), current_table: 'suppressions', started_at: new Date(Date.now() - 60_000) })
      .execute();
    await deleteTenantData(ctx, acme.id);

    expect(isEmpty(await rowCounts(acme.id))).toBe(true);
    expect(await rowCounts(globex.id)).toEqual(globexBefore);
    expect((await call('GET', `/api/v1/tenants/${acme.id}`, { key: rootKey })).status).toBe(404);
    const record = await db.selectFrom('tenant_deletions').selectAll().where('tenant_id', '=', acme.id).executeTakeFirstOrThrow();
    expect(record.pass).toBe(3);
    for (const [table, count] of Object.entries(before)) expect(record.rows_deleted[table] ?? 0, table).toBe(count);
  });

  it('answers a second DELETE with the same deletion, and a sibling or foreign tenant with 404', async () => {
    const { rootKey, acme } = await platformWithEndpoints();
    const first = await call('DELETE', `/api/v1/tenants/${acme.id}`, { key: rootKey });
    const second = await call('DELETE', `/api/v1/tenants/${acme.id}`, { key: rootKey });
    expect(second.status).toBe(202);
    expect(second.body.deletion.started_at).toBe(first.body.deletion.started_at);
    const other = await platformWithEndpoints();
    expect((await call('DELETE', `/api/v1/tenants/${acme.id}`, { key: other.rootKey })).status).toBe(404);
    expect((await call('DELETE', `/api/v1/tenants/${other.acme.id}`, { key: other.acme.key })).status).toBe(403);
    await eventually(async () => (await call('GET', `/api/v1/tenants/${acme.id}`, { key: rootKey })).status === 404, 15_000);
    // Running the job again after it finished is harmless.
    await deleteTenantData(ctx, acme.id);
    expect((await call('GET', `/api/v1/tenants/${other.acme.id}`, { key: other.rootKey })).body.status).toBe('active');
  });
});
