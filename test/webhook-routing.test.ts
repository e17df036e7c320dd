import { beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context.js';
import type { EventType, PlatformEvent } from '../src/platform/event-types.js';
import { newId } from '../src/platform/ids.js';
import { publishEvents, routeEvents } from '../src/webhooks/fan-out.js';
import { ctx, db, startApi, testContext } from './helpers.js';
import { platform } from './sending-helpers.js';
import { eventually } from './webhook-receiver.js';

// Routing looks up the event's tenant's endpoints and its org's org-wide ones, each scope cached on its own
// (webhooks/fan-out.ts): these check that no event reaches a sibling's or another org's endpoint that way, and
// that a change to an endpoint is routed by at once here and within the cache's second in another process.

const { call } = startApi();
/** Another process: its own context, so its own routing cache. */
const elsewhere = testContext();
beforeAll(() => Promise.all([ctx.jobs.ready(), elsewhere.jobs.ready()]));

async function createEndpoint(key: string, body: Record<string, unknown>) {
  const created = await call('POST', '/api/v1/webhooks/endpoints', { key, body: { url: 'https://hooks.example.com/x', ...body } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

function event(orgId: string, tenantId: string | null, type: EventType = 'message.delivered'): PlatformEvent {
  return { id: newId('event'), type, orgId, tenantId, createdAt: new Date(), data: { message_id: newId('message') } };
}

/** The endpoints each event was delivered to (its delivery rows), sorted. */
async function deliveredTo(events: PlatformEvent[]): Promise<string[][]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select(['event_id', 'endpoint_id'])
    .where('event_id', 'in', events.map((published) => published.id))
    .execute();
  return events.map((published) => rows.filter((row) => row.event_id === published.id).map((row) => row.endpoint_id).sort());
}

/** Publishes one event through `context` and answers the endpoints it was delivered to. */
async function publishedTo(context: AppContext, published: PlatformEvent): Promise<string[]> {
  await publishEvents(context, [published]);
  return (await deliveredTo([published]))[0] ?? [];
}

const routedBy = async (context: AppContext, published: PlatformEvent) =>
  (await routeEvents(context, [published])).map((target) => target.endpointId).sort();

describe('webhook routing by tenant', () => {
  it("a send reaches its tenant's endpoints and the org-wide ones, never a sibling's or another org's", async () => {
    const org = await platform(call);
    const otherOrg = await platform(call);
    const queued = { events: ['message.queued'] };
    const acme = await createEndpoint(org.rootKey, { ...queued, tenant_id: org.acme.id });
    const globex = await createEndpoint(org.rootKey, { ...queued, tenant_id: org.globex.id });
    const orgWide = await createEndpoint(org.rootKey, queued);
    const otherOrgWide = await createEndpoint(otherOrg.rootKey, queued);
    const otherOrgAcme = await createEndpoint(otherOrg.rootKey, { ...queued, tenant_id: otherOrg.acme.id });

    const send = async (tenant: { key: string; domain: string }) => {
      const sent = await call('POST', '/api/v1/emails/batch', {
        key: tenant.key,
        body: [1, 2].map((n) => ({ from: `a@${tenant.domain}`, to: `b${n}@example.com`, subject: 's', text: 't' })),
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    };
    await send(org.acme);
    await send(org.globex);

    const deliveries = await db
      .selectFrom('webhook_deliveries')
      .select(['endpoint_id', 'tenant_id'])
      .where('org_id', 'in', [org.orgId, otherOrg.orgId])
      .execute();
    const tenantsHeardBy = (endpoint: string) =>
      deliveries
        .filter((delivery) => delivery.endpoint_id === endpoint)
        .map((delivery) => delivery.tenant_id)
        .sort();
    expect(tenantsHeardBy(acme)).toEqual([org.acme.id, org.acme.id]);
    expect(tenantsHeardBy(globex)).toEqual([org.globex.id, org.globex.id]);
    expect(tenantsHeardBy(orgWide)).toEqual([org.acme.id, org.acme.id, org.globex.id, org.globex.id].sort());
    expect(tenantsHeardBy(otherOrgWide)).toEqual([]);
    expect(tenantsHeardBy(otherOrgAcme)).toEqual([]);
  });

  it('one publish spanning tenants and orgs routes each event to its own scopes, in its environment', async () => {
    const org = await platform(call);
    const otherOrg = await platform(call);
    const delivered = { events: ['message.delivered', 'domain.verified'] };
    const acme = await createEndpoint(org.rootKey, { ...delivered, tenant_id: org.acme.id });
    const orgWide = await createEndpoint(org.rootKey, delivered);
    const otherOrgAcme = await createEndpoint(otherOrg.rootKey, { ...delivered, tenant_id: otherOrg.acme.id });
    const otherOrgWide = await createEndpoint(otherOrg.rootKey, delivered);
    const testKey = await call('POST', '/api/v1/keys', {
      key: org.rootKey,
      body: { name: 'test', tenant_id: org.acme.id, environment: 'test', scopes: ['webhooks:write'] },
    });
    const acmeTest = await createEndpoint(testKey.body.secret, delivered);

    const events = [
      event(org.orgId, org.acme.id),
      event(org.orgId, org.globex.id),
      event(org.orgId, null, 'domain.verified'),
      event(otherOrg.orgId, otherOrg.acme.id),
      event(otherOrg.orgId, otherOrg.globex.id),
      { ...event(org.orgId, org.acme.id), data: { environment: 'test' } },
    ];
    await publishEvents(ctx, events);
    expect(await deliveredTo(events)).toEqual([
      [acme, orgWide].sort(),
      [orgWide],
      [orgWide],
      [otherOrgAcme, otherOrgWide].sort(),
      [otherOrgWide],
      [acmeTest],
    ]);
  });

  it('an endpoint created, re-scoped, disabled, re-enabled or deleted is routed by at once', async () => {
    const org = await platform(call);
    const acmeEvent = () => event(org.orgId, org.acme.id);
    expect(await publishedTo(ctx, acmeEvent())).toEqual([]); // this process now caches the empty routes

    const acme = await createEndpoint(org.rootKey, { events: ['message.delivered'], tenant_id: org.acme.id });
    expect(await publishedTo(ctx, acmeEvent())).toEqual([acme]);
    expect(await publishedTo(ctx, event(org.orgId, org.globex.id))).toEqual([]);

    const orgWide = await createEndpoint(org.rootKey, { events: ['message.delivered'] });
    expect(await publishedTo(ctx, acmeEvent())).toEqual([acme, orgWide].sort());
    expect(await publishedTo(ctx, event(org.orgId, org.globex.id))).toEqual([orgWide]);

    const patch = (endpoint: string, body: Record<string, unknown>) =>
      call('PATCH', `/api/v1/webhooks/endpoints/${endpoint}`, { key: org.rootKey, body }).then((answer) => expect(answer.status).toBe(200));
    await patch(acme, { events: ['message.bounced'] });
    expect(await publishedTo(ctx, acmeEvent())).toEqual([orgWide]);
    expect(await publishedTo(ctx, event(org.orgId, org.acme.id, 'message.bounced'))).toEqual([acme]);
    await patch(acme, { events: ['message.delivered'], enabled: false });
    expect(await publishedTo(ctx, acmeEvent())).toEqual([orgWide]);
    await patch(acme, { enabled: true });
    expect(await publishedTo(ctx, acmeEvent())).toEqual([acme, orgWide].sort());
    await patch(orgWide, { enabled: false });
    expect(await publishedTo(ctx, acmeEvent())).toEqual([acme]);

    expect((await call('DELETE', `/api/v1/webhooks/endpoints/${acme}`, { key: org.rootKey })).status).toBe(200);
    expect(await routedBy(ctx, acmeEvent())).toEqual([]);
  });

  it('another process routes by a change within its cached second', async () => {
    const org = await platform(call);
    const acmeEvent = () => event(org.orgId, org.acme.id);
    expect(await routedBy(elsewhere, acmeEvent())).toEqual([]);

    const acme = await createEndpoint(org.rootKey, { events: ['message.delivered'], tenant_id: org.acme.id });
    await eventually(async () => (await routedBy(elsewhere, acmeEvent())).includes(acme));
    expect(await publishedTo(elsewhere, acmeEvent())).toEqual([acme]);

    expect((await call('PATCH', `/api/v1/webhooks/endpoints/${acme}`, { key: org.rootKey, body: { events: ['message.bounced'] } })).status).toBe(200);
    await eventually(async () => (await routedBy(elsewhere, acmeEvent())).length === 0);

    expect((await call('DELETE', `/api/v1/webhooks/endpoints/${acme}`, { key: org.rootKey })).status).toBe(200);
    await eventually(async () => (await routedBy(elsewhere, event(org.orgId, org.acme.id, 'message.bounced'))).length === 0);
  });
});
