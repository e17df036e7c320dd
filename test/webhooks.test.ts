import { beforeAll, describe, expect, it } from 'vitest';
import type { EventType, PlatformEvent } from '../src/platform/event-types.js';
import { idFloor, newId } from '../src/platform/ids.js';
import { publishEvents } from '../src/webhooks/fan-out.js';
import { pruneWebhookHistory, reconcileDeliveries } from '../src/webhooks/reconcile.js';
import { retryDelayMs } from '../src/webhooks/retry-policy.js';
import { webhooksProcessor } from '../workers/webhooks.js';
import { type Call, ctx, db, newOrg, startApi, uniqueSlug } from './helpers.js';
import { platform, runWorkers } from './sending-helpers.js';
import { eventually, sleep, startReceiver, uniquePath, verified } from './webhook-receiver.js';

const { call } = startApi();
const receiver = startReceiver();
// Deliveries go to a receiver on 127.0.0.1 over http: the test environment allows that (vitest.config.ts).
runWorkers(ctx, webhooksProcessor);
beforeAll(() => ctx.jobs.ready());

async function orgWithTenants(api: Call) {
  const org = await newOrg();
  const tenant = async (name: string) => {
    const created = await api('POST', '/api/v1/tenants', { key: org.rootKey, body: { name, slug: uniqueSlug(name.toLowerCase()) } });
    const key = await api('POST', '/api/v1/keys', {
      key: org.rootKey,
      body: { name, tenant_id: created.body.id, scopes: ['webhooks:read', 'webhooks:write'] },
    });
    return { id: created.body.id as string, key: key.body.secret as string };
  };
  return { ...org, acme: await tenant('Acme'), globex: await tenant('Globex') };
}

async function createEndpoint(key: string, body: Record<string, unknown>) {
  const created = await call('POST', '/api/v1/webhooks/endpoints', { key, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; secret: string; url: string };
}

function event(orgId: string, tenantId: string | null, type: EventType = 'message.delivered', data: Record<string, unknown> = {}): PlatformEvent {
  return { id: newId('event'), type, orgId, tenantId, createdAt: new Date(), data: { message_id: newId('message'), ...data } };
}

async function deliveriesOf(key: string, endpointId: string) {
  const listed = await call('GET', `/api/v1/webhooks/endpoints/${endpointId}/deliveries`, { key });
  expect(listed.status).toBe(200);
  return listed.body.data as any[];
}

describe('webhook endpoints (walkthrough step 6)', () => {
  it('creates an endpoint whose whsec_ secret is shown once; reads, updates and deletes it', async () => {
    const { rootKey, acme } = await orgWithTenants(call);
    const created = await createEndpoint(rootKey, {
      url: 'https://acme.example/api/sendoka-webhook',
      tenant_id: acme.id,
      events: ['message.delivered', 'message.bounced'],
      description: 'Acme dashboard',
    });
    expect(created).toMatchObject({
      id: expect.stringMatching(/^whe_/),
      url: 'https://acme.example/api/sendoka-webhook',
      tenant_id: acme.id,
      events: ['message.delivered', 'message.bounced'],
      description: 'Acme dashboard',
      enabled: true,
      disabled_reason: null,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const fetched = await call('GET', `/api/v1/webhooks/endpoints/${created.id}`, { key: rootKey });
    expect(fetched.status).toBe(200);
    expect(fetched.body.secret).toBeUndefined();
    const listed = await call('GET', '/api/v1/webhooks/endpoints', { key: rootKey });
    expect(listed.body.data.map((endpoint: { id: string }) => endpoint.id)).toEqual([created.id]);
    expect(JSON.stringify(listed.body)).not.toContain(created.secret);

    const updated = await call('PATCH', `/api/v1/webhooks/endpoints/${created.id}`, {
      key: rootKey,
      body: { url: 'https://acme.example/v2', events: ['message.complained'], enabled: false, description: null },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      url: 'https://acme.example/v2',
      events: ['message.complained'],
      enabled: false,
      disabled_reason: 'manual',
      description: null,
    });
    const reenabled = await call('PATCH', `/api/v1/webhooks/endpoints/${created.id}`, { key: rootKey, body: { enabled: true } });
    expect(reenabled.body).toMatchObject({ enabled: true, disabled_reason: null });

    const deleted = await call('DELETE', `/api/v1/webhooks/endpoints/${created.id}`, { key: rootKey });
    expect(deleted.body).toEqual({ id: created.id, deleted: true });
    expect((await call('GET', `/api/v1/webhooks/endpoints/${created.id}`, { key: rootKey })).status).toBe(404);
  });

  it('rejects bad input with a 422 naming the field', async () => {
    const { rootKey } = await newOrg();
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'not a url', events: ['message.delivered'] }, 'url'],
      [{ url: 'ftp://acme.example/hook', events: ['message.delivered'] }, 'url'],
      [{ url: 'https://acme.example/hook', events: [] }, 'events'],
      [{ url: 'https://acme.example/hook', events: ['message.exploded'] }, 'events.0'],
      [{ url: 'https://acme.example/hook', events: ['webhook.test'] }, 'events.0'],
      [{ url: 'https://acme.example/hook', events: ['message.sent'], secret: 'mine' }, 'secret'],
    ];
    for (const [body, field] of cases) {
      const response = await call('POST', '/api/v1/webhooks/endpoints', { key: rootKey, body });
      expect(response.status, field).toBe(422);
      expect(response.body.error.message).toContain(field);
    }
  });

  it('needs webhooks:read to read and webhooks:write to manage', async () => {
    const { rootKey, acme } = await orgWithTenants(call);
    const readOnly = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'ro', tenant_id: acme.id, scopes: ['webhooks:read'] } });
    const noWebhooks = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'none', tenant_id: acme.id, scopes: ['emails:send'] } });
    const endpoint = await createEndpoint(acme.key, { url: 'https://acme.example/hook', events: ['message.sent'] });

    expect((await call('GET', '/api/v1/webhooks/endpoints', { key: readOnly.body.secret })).status).toBe(200);
    const writes = [
      ['POST', '/api/v1/webhooks/endpoints', { url: 'https://acme.example/x', events: ['message.sent'] }],
      ['PATCH', `/api/v1/webhooks/endpoints/${endpoint.id}`, { enabled: false }],
      ['DELETE', `/api/v1/webhooks/endpoints/${endpoint.id}`, undefined],
      ['POST', `/api/v1/webhooks/endpoints/${endpoint.id}/rotate-secret`, undefined],
      ['POST', `/api/v1/webhooks/endpoints/${endpoint.id}/test`, undefined],
    ] as const;
    for (const [method, path, body] of writes) {
      const refused = await call(method, path, { key: readOnly.body.secret, body });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'MISSING_SCOPE' });
      expect(refused.body.error.message).toContain('webhooks:write');
    }
    const unread = await call('GET', `/api/v1/webhooks/endpoints/${endpoint.id}/deliveries`, { key: noWebhooks.body.secret });
    expect(unread.status).toBe(403);
    expect(unread.body.error.message).toContain('webhooks:read');
  });

  it("a tenant-bound key manages only its tenant's endpoints: a sibling's are 404", async () => {
    const { rootKey, acme, globex } = await orgWithTenants(call);
    const acmeEndpoint = await createEndpoint(acme.key, { url: 'https://acme.example/hook', events: ['message.sent'] });
    expect(acmeEndpoint).toMatchObject({ tenant_id: acme.id });
    const orgEndpoint = await createEndpoint(rootKey, { url: 'https://platform.example/hook', events: ['message.sent'] });
    expect(orgEndpoint).toMatchObject({ tenant_id: null });

    const naming = await call('POST', '/api/v1/webhooks/endpoints', {
      key: acme.key,
      body: { url: 'https://acme.example/x', tenant_id: globex.id, events: ['message.sent'] },
    });
    expect(naming.status).toBe(404);
    const unknownTenant = await call('POST', '/api/v1/webhooks/endpoints', {
      key: rootKey,
      body: { url: 'https://acme.example/x', tenant_id: 'tnt_01m8jh3j50j10t1hg2by2rwmn1', events: ['message.sent'] },
    });
    expect(unknownTenant.status).toBe(404);

    for (const id of [acmeEndpoint.id, orgEndpoint.id]) {
      const attempts = [
        ['GET', `/api/v1/webhooks/endpoints/${id}`, undefined],
        ['PATCH', `/api/v1/webhooks/endpoints/${id}`, { enabled: false }],
        ['DELETE', `/api/v1/webhooks/endpoints/${id}`, undefined],
        ['POST', `/api/v1/webhooks/endpoints/${id}/rotate-secret`, undefined],
        ['POST', `/api/v1/webhooks/endpoints/${id}/test`, undefined],
        ['GET', `/api/v1/webhooks/endpoints/${id}/deliveries`, undefined],
      ] as const;
      for (const [method, path, body] of attempts) {
        const response = await call(method, path, { key: globex.key, body });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.body.error.code).toBe('NOT_FOUND');
      }
    }
    const globexList = await call('GET', '/api/v1/webhooks/endpoints', { key: globex.key });
    expect(globexList.body.data).toEqual([]);
    const acmeList = await call('GET', '/api/v1/webhooks/endpoints', { key: acme.key });
    expect(acmeList.body.data.map((endpoint: { id: string }) => endpoint.id)).toEqual([acmeEndpoint.id]);
    const rootList = await call('GET', '/api/v1/webhooks/endpoints', { key: rootKey });
    expect(rootList.body.data.map((endpoint: { id: string }) => endpoint.id)).toEqual([orgEndpoint.id, acmeEndpoint.id]);
    const filtered = await call('GET', `/api/v1/webhooks/endpoints?tenant_id=${acme.id}`, { key: rootKey });
    expect(filtered.body.data.map((endpoint: { id: string }) => endpoint.id)).toEqual([acmeEndpoint.id]);
  });
});

describe('fan-out and signed delivery', () => {
  it("sends each event to the org's matching endpoints: Globex's bounces never reach Acme's endpoint", async () => {
    const { orgId, rootKey, acme, globex } = await orgWithTenants(call);
    const other = await newOrg();
    const paths = { acme: uniquePath('acme'), globex: uniquePath('globex'), org: uniquePath('org'), deliveredOnly: uniquePath('delivered'), off: uniquePath('off'), otherOrg: uniquePath('other') };
    const both = ['message.delivered', 'message.bounced'];
    const acmeEndpoint = await createEndpoint(acme.key, { url: receiver.url(paths.acme), events: both });
    const globexEndpoint = await createEndpoint(globex.key, { url: receiver.url(paths.globex), events: both });
    const orgEndpoint = await createEndpoint(rootKey, { url: receiver.url(paths.org), events: [...both, 'domain.verified'] });
    const deliveredOnly = await createEndpoint(rootKey, { url: receiver.url(paths.deliveredOnly), events: ['message.delivered'] });
    const disabled = await createEndpoint(rootKey, { url: receiver.url(paths.off), events: both });
    await call('PATCH', `/api/v1/webhooks/endpoints/${disabled.id}`, { key: rootKey, body: { enabled: false } });
    await createEndpoint(other.rootKey, { url: receiver.url(paths.otherOrg), events: both });

    const acmeDelivered = event(orgId, acme.id, 'message.delivered', { recipient: 'a@example.com' });
    const globexBounced = event(orgId, globex.id, 'message.bounced', { recipient: 'g@example.com', bounce_type: 'Permanent' });
    const domainVerified = event(orgId, null, 'domain.verified', { domain_id: newId('domain'), name: 'platform.example' });
    await publishEvents(ctx, [acmeDelivered, globexBounced, domainVerified]);

    const orgReceived = await receiver.waitFor(paths.org, 3);
    await receiver.waitFor(paths.acme, 1);
    await receiver.waitFor(paths.globex, 1);
    await receiver.waitFor(paths.deliveredOnly, 1);
    await sleep(300);

    const payloads = (path: string, secret: string) => receiver.at(path).map((webhook) => verified(webhook, secret));
    expect(payloads(paths.acme, acmeEndpoint.secret)).toEqual([
      { type: 'message.delivered', timestamp: acmeDelivered.createdAt.toISOString(), data: acmeDelivered.data },
    ]);
    expect(payloads(paths.globex, globexEndpoint.secret).map((payload) => payload.type)).toEqual(['message.bounced']);
    expect(payloads(paths.org, orgEndpoint.secret).map((payload) => payload.type).sort()).toEqual([
      'domain.verified',
      'message.bounced',
      'message.delivered',
    ]);
    expect(payloads(paths.deliveredOnly, deliveredOnly.secret).map((payload) => payload.data.message_id)).toEqual([
      acmeDelivered.data.message_id,
    ]);
    expect(receiver.at(paths.off)).toEqual([]);
    expect(receiver.at(paths.otherOrg)).toEqual([]);
    // The webhook-id is the event id, the same at every endpoint.
    expect(orgReceived.find((webhook) => webhook.payload.type === 'message.delivered')?.headers['webhook-id']).toBe(acmeDelivered.id);
    expect(receiver.at(paths.acme)[0]?.headers['content-type']).toBe('application/json');
  });

  it('publishing the same event again (a retried job) delivers it once', async () => {
    const { orgId, rootKey } = await orgWithTenants(call);
    const path = uniquePath('idempotent');
    const endpoint = await createEndpoint(rootKey, { url: receiver.url(path), events: ['message.sent'] });
    const sent = event(orgId, null, 'message.sent');
    await publishEvents(ctx, [sent]);
    await publishEvents(ctx, [sent, sent]);
    await receiver.waitFor(path, 1);
    await sleep(500);
    expect(receiver.at(path)).toHaveLength(1);
    expect(await deliveriesOf(rootKey, endpoint.id)).toHaveLength(1);
  });

  it('an endpoint deleted by another process within the routing cache second costs only its own delivery', async () => {
    const { rootKey, acme } = await platform(call);
    const path = uniquePath('deleted-elsewhere');
    const endpoint = await createEndpoint(rootKey, { url: receiver.url(path), events: ['message.queued'] });
    const send = () =>
      call('POST', '/api/v1/emails', { key: acme.key, body: { from: `a@${acme.domain}`, to: 'b@example.com', subject: 's', text: 't' } });
    expect((await send()).status).toBe(202); // this process now routes the org's events from its cache
    await db.deleteFrom('webhook_endpoints').where('id', '=', endpoint.id).execute();
    const afterDelete = await send();
    expect(afterDelete.status, JSON.stringify(afterDelete.body)).toBe(202);
  });

  it('sends a webhook.test event on request', async () => {
    const { acme } = await orgWithTenants(call);
    const path = uniquePath('test-event');
    const endpoint = await createEndpoint(acme.key, { url: receiver.url(path), events: ['message.bounced'] });
    const requested = await call('POST', `/api/v1/webhooks/endpoints/${endpoint.id}/test`, { key: acme.key });
    expect(requested.status).toBe(202);
    const [webhook] = await receiver.waitFor(path, 1);
    const payload = verified(webhook!, endpoint.secret);
    expect(payload).toMatchObject({ type: 'webhook.test', data: { endpoint_id: endpoint.id } });
    expect(webhook!.headers['webhook-id']).toBe(requested.body.event_id);
  });

  it('retries after a 500 on the schedule (5 s) and logs every attempt; the webhook-id stays the same', async () => {
    const { orgId, rootKey } = await orgWithTenants(call);
    const path = uniquePath('flaky');
    receiver.reply(path, (count) => (count === 1 ? { status: 500, body: 'database on fire' } : { status: 204 }));
    const endpoint = await createEndpoint(rootKey, { url: receiver.url(path), events: ['message.delivered'] });
    const delivered = event(orgId, null);
    await publishEvents(ctx, [delivered]);

    await receiver.waitFor(path, 1);
    const pending = await eventually(async () => {
      const [delivery] = await deliveriesOf(rootKey, endpoint.id);
      return delivery?.attempts.length === 1 && delivery;
    });
    expect(pending).toMatchObject({ status: 'pending', event_id: delivered.id, event_type: 'message.delivered', attempt_count: 1 });
    const first = pending.attempts[0];
    expect(first).toMatchObject({ attempt: 1, status_code: 500, error: 'HTTP 500: database on fire' });
    const nextIn = Date.parse(first.next_attempt_at) - Date.parse(first.attempted_at);
    expect(nextIn).toBeGreaterThanOrEqual(4_900);
    expect(nextIn).toBeLessThan(6_000);
    expect(pending.next_attempt_at).toBe(first.next_attempt_at);

    const [firstTry, secondTry] = await receiver.waitFor(path, 2, 12_000);
    for (const webhook of [firstTry!, secondTry!]) expect(verified(webhook, endpoint.secret).data).toEqual(delivered.data);
    expect(secondTry!.headers['webhook-id']).toBe(firstTry!.headers['webhook-id']);

    const done = await eventually(async () => {
      const [delivery] = await deliveriesOf(rootKey, endpoint.id);
      return delivery?.status === 'succeeded' && delivery;
    });
    expect(done).toMatchObject({ attempt_count: 2, last_status_code: 204, last_error: null, next_attempt_at: null });
    expect(done.delivered_at).not.toBeNull();
    expect(done.attempts[1]).toMatchObject({ attempt: 2, status_code: 204, error: null, next_attempt_at: null });
    expect(typeof done.attempts[1].latency_ms).toBe('number');
  });

  it('follows the documented schedule and honours a longer Retry-After', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((made) => retryDelayMs(made))).toEqual([
      0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
    expect(retryDelayMs(1, 60_000)).toBe(60_000);
    expect(retryDelayMs(1, 1_000)).toBe(5_000);
    expect(retryDelayMs(2, 7 * 24 * 3_600_000)).toBe(36_000_000);
  });

  it('a 410 Gone disables the endpoint and tells the org through webhook.endpoint_disabled', async () => {
    const { orgId, rootKey, acme } = await orgWithTenants(call);
    const gonePath = uniquePath('gone');
    const watchPath = uniquePath('watch');
    receiver.reply(gonePath, () => ({ status: 410 }));
    const gone = await createEndpoint(acme.key, { url: receiver.url(gonePath), events: ['message.delivered'] });
    const watcher = await createEndpoint(rootKey, { url: receiver.url(watchPath), events: ['webhook.endpoint_disabled'] });
    await publishEvents(ctx, [event(orgId, acme.id)]);

    const [notice] = await receiver.waitFor(watchPath, 1);
    expect(verified(notice!, watcher.secret)).toMatchObject({
      type: 'webhook.endpoint_disabled',
      data: { endpoint_id: gone.id, reason: 'gone', tenant_id: acme.id, url: gone.url },
    });
    const fetched = await call('GET', `/api/v1/webhooks/endpoints/${gone.id}`, { key: acme.key });
    expect(fetched.body).toMatchObject({ enabled: false, disabled_reason: 'gone' });
    const [delivery] = await deliveriesOf(acme.key, gone.id);
    expect(delivery).toMatchObject({ status: 'failed', attempt_count: 1, last_status_code: 410, next_attempt_at: null });

    // Disabled: later events are not sent to it.
    await publishEvents(ctx, [event(orgId, acme.id)]);
    await sleep(1_500);
    expect(receiver.at(gonePath)).toHaveLength(1);
  });

  it('an endpoint whose every attempt has failed for 5 days is disabled', async () => {
    const { orgId, rootKey } = await orgWithTenants(call);
    const deadPath = uniquePath('dead');
    const watchPath = uniquePath('watch');
    receiver.reply(deadPath, () => ({ status: 503 }));
    const dead = await createEndpoint(rootKey, { url: receiver.url(deadPath), events: ['message.delivered'] });
    const watcher = await createEndpoint(rootKey, { url: receiver.url(watchPath), events: ['webhook.endpoint_disabled'] });
    const failingSince = new Date(Date.now() - 5 * 24 * 3_600_000 - 60_000);
    await db.updateTable('webhook_endpoints').set({ failing_since: failingSince }).where('id', '=', dead.id).execute();
    await publishEvents(ctx, [event(orgId, null)]);

    const [notice] = await receiver.waitFor(watchPath, 1);
    expect(verified(notice!, watcher.secret)).toMatchObject({
      type: 'webhook.endpoint_disabled',
      data: { endpoint_id: dead.id, reason: 'failing', failing_since: failingSince.toISOString() },
    });
    const fetched = await call('GET', `/api/v1/webhooks/endpoints/${dead.id}`, { key: rootKey });
    expect(fetched.body).toMatchObject({ enabled: false, disabled_reason: 'failing' });
  });

  it('a success ends the failure run', async () => {
    const { orgId, rootKey } = await orgWithTenants(call);
    const path = uniquePath('recovered');
    const endpoint = await createEndpoint(rootKey, { url: receiver.url(path), events: ['message.delivered'] });
    await db.updateTable('webhook_endpoints').set({ failing_since: new Date(Date.now() - 3_600_000) }).where('id', '=', endpoint.id).execute();
    await publishEvents(ctx, [event(orgId, null)]);
    await receiver.waitFor(path, 1);
    const row = await eventually(async () => {
      const current = await db.selectFrom('webhook_endpoints').select('failing_since').where('id', '=', endpoint.id).executeTakeFirstOrThrow();
      return current.failing_since === null && current;
    });
    expect(row.failing_since).toBeNull();
  });

  it('rotating the secret signs with the new and, for 24 h, the old secret', async () => {
    const { acme } = await orgWithTenants(call);
    const path = uniquePath('rotate');
    const endpoint = await createEndpoint(acme.key, { url: receiver.url(path), events: ['message.delivered'] });
    const rotated = await call('POST', `/api/v1/webhooks/endpoints/${endpoint.id}/rotate-secret`, { key: acme.key });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    const overlap = Date.parse(rotated.body.previous_secret_expires_at) - Date.now();
    expect(overlap).toBeGreaterThan(23.9 * 3_600_000);
    expect(overlap).toBeLessThanOrEqual(24 * 3_600_000);

    await call('POST', `/api/v1/webhooks/endpoints/${endpoint.id}/test`, { key: acme.key });
    const [webhook] = await receiver.waitFor(path, 1);
    expect(String(webhook!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verified(webhook!, rotated.body.secret).type).toBe('webhook.test');
    expect(verified(webhook!, endpoint.secret).type).toBe('webhook.test');

    // Once the overlap has passed only the new secret signs.
    const expired = [{ secret: endpoint.secret, expires_at: new Date(Date.now() - 1).toISOString() }];
    await db.updateTable('webhook_endpoints').set({ previous_secrets: JSON.stringify(expired) }).where('id', '=', endpoint.id).execute();
    await call('POST', `/api/v1/webhooks/endpoints/${endpoint.id}/test`, { key: acme.key });
    const [, later] = await receiver.waitFor(path, 2);
    expect(verified(later!, rotated.body.secret).type).toBe('webhook.test');
    expect(() => verified(later!, endpoint.secret)).toThrow();
  });

  it('replays a finished delivery with the same webhook-id; a sibling cannot', async () => {
    const { orgId, acme, globex } = await orgWithTenants(call);
    const path = uniquePath('replay');
    const endpoint = await createEndpoint(acme.key, { url: receiver.url(path), events: ['message.delivered'] });
    await publishEvents(ctx, [event(orgId, acme.id)]);
    const [original] = await receiver.waitFor(path, 1);
    const delivery = await eventually(async () => {
      const [found] = await deliveriesOf(acme.key, endpoint.id);
      return found?.status === 'succeeded' && found;
    });

    expect((await call('POST', `/api/v1/webhooks/deliveries/${delivery.id}/replay`, { key: globex.key })).status).toBe(404);
    const replayed = await call('POST', `/api/v1/webhooks/deliveries/${delivery.id}/replay`, { key: acme.key });
    expect(replayed.status).toBe(202);
    expect(replayed.body).toMatchObject({ id: delivery.id, status: 'pending' });
    const [, again] = await receiver.waitFor(path, 2);
    expect(again!.headers['webhook-id']).toBe(original!.headers['webhook-id']);
    expect(verified(again!, endpoint.secret)).toEqual(verified(original!, endpoint.secret));
    const done = await eventually(async () => {
      const [found] = await deliveriesOf(acme.key, endpoint.id);
      return found?.status === 'succeeded' && found.attempt_count === 2 && found;
    });
    expect(done.attempts.map((attempt: { attempt: number }) => attempt.attempt)).toEqual([1, 2]);
    expect((await call('POST', '/api/v1/webhooks/deliveries/whd_01m8jh3j50j10t1hg2by2rwmn1/replay', { key: acme.key })).status).toBe(404);
  });

  it('the reconciler re-enqueues a pending delivery whose job Redis lost', async () => {
    const { orgId, rootKey } = await orgWithTenants(call);
    const path = uniquePath('lost');
    const endpoint = await createEndpoint(rootKey, { url: receiver.url(path), events: ['message.delivered'] });
    await publishEvents(ctx, [event(orgId, null)]);
    await receiver.waitFor(path, 1);
    const [delivery] = await eventually(async () => {
      const found = await deliveriesOf(rootKey, endpoint.id);
      return found[0]?.status === 'succeeded' && found;
    });
    // As if Redis had been flushed while the delivery waited for its next attempt.
    await db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', job_id: 'lost-job', next_attempt_at: new Date(Date.now() - 10 * 60_000) })
      .where('id', '=', delivery.id)
      .execute();
    expect(await reconcileDeliveries(ctx)).toBeGreaterThanOrEqual(1);
    const [first, second] = await receiver.waitFor(path, 2);
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    await eventually(async () => (await deliveriesOf(rootKey, endpoint.id))[0]?.status === 'succeeded');
  });

  it('a slow endpoint does not delay deliveries to the others', async () => {
    const { orgId, acme, globex } = await orgWithTenants(call);
    const slowPath = uniquePath('slow');
    const fastPath = uniquePath('fast');
    receiver.reply(slowPath, () => ({ status: 200, delayMs: 3_000 }));
    const slow = await createEndpoint(acme.key, { url: receiver.url(slowPath), events: ['message.delivered'] });
    await createEndpoint(globex.key, { url: receiver.url(fastPath), events: ['message.delivered'] });
    // More slow work than the worker has slots (400): without a per-endpoint limit it would hold them all for 3 s.
    await publishEvents(ctx, Array.from({ length: 600 }, () => event(orgId, acme.id)));
    await sleep(300);
    const started = Date.now();
    await publishEvents(ctx, Array.from({ length: 20 }, () => event(orgId, globex.id)));
    await receiver.waitFor(fastPath, 20, 5_000);
    expect(Date.now() - started).toBeLessThan(1_500);
    // The slow endpoint still makes progress; disabling it lets its remaining jobs finish at once.
    await receiver.waitFor(slowPath, 1, 5_000);
    await call('PATCH', `/api/v1/webhooks/endpoints/${slow.id}`, { key: acme.key, body: { enabled: false } });
  });
});

describe('webhook history retention', () => {
  it('prunes finished deliveries and their events past the retention, keeping pending and recent ones', async () => {
    const { orgId, acme } = await orgWithTenants(call);
    const endpoint = await createEndpoint(acme.key, { url: receiver.url(uniquePath('retention')), events: ['message.delivered'] });
    const retention = new Date(Date.now() - 30 * 86_400_000);
    const longAgo = new Date(retention.getTime() - 86_400_000);
    // Ids sort by time: these read as created 31 days ago.
    const oldId = (kind: 'event' | 'webhookDelivery') => `${idFloor(kind, longAgo)}${newId(kind).slice(-16)}`;
    const [stillRetried, delivered, failed, recent] = [oldId('event'), oldId('event'), oldId('event'), newId('event')];
    await db
      .insertInto('webhook_events')
      .values([stillRetried, delivered, failed, recent].map((id) => ({ id, org_id: orgId, tenant_id: acme.id, type: 'message.delivered' as const, body: '{}' })))
      .execute();
    const delivery = (id: string, eventId: string, status: 'pending' | 'succeeded' | 'failed') => ({
      id,
      org_id: orgId,
      tenant_id: acme.id,
      endpoint_id: endpoint.id,
      event_id: eventId,
      event_type: 'message.delivered' as const,
      status,
      job_id: id,
    });
    const rows = [
      delivery(oldId('webhookDelivery'), stillRetried, 'pending'),
      delivery(oldId('webhookDelivery'), delivered, 'succeeded'),
      delivery(oldId('webhookDelivery'), failed, 'failed'),
      delivery(newId('webhookDelivery'), recent, 'succeeded'),
    ];
    await db.insertInto('webhook_deliveries').values(rows).execute();
    await db.insertInto('webhook_attempts').values({ delivery_id: rows[2]!.id, attempt: 1, status_code: 500, latency_ms: 3 }).execute();

    expect(await pruneWebhookHistory(db, retention)).toBeGreaterThanOrEqual(4);
    const listed = await deliveriesOf(acme.key, endpoint.id);
    expect(listed.map((row) => row.id).sort()).toEqual([rows[0]!.id, rows[3]!.id].sort());
    const events = await db.selectFrom('webhook_events').select('id').where('id', 'in', [stillRetried, delivered, failed, recent]).execute();
    expect(events.map((row) => row.id).sort()).toEqual([stillRetried, recent].sort());
  });
});
