import { type AppContext, contextCache } from '../context.js';
import { type Db, onCommit } from '../platform/db.js';
import type { KeyEnvironment } from '../platform/schema/index.js';
import type { PlatformEvent } from '../platform/event-types.js';
import { newId } from '../platform/ids.js';
import { enqueueDeliveries, type StagedDelivery } from './retry-policy.js';

// Fan-out: which endpoints hear an event (routed through a per-process cache), and the event and delivery rows
// that record it, enqueued once they have committed.

function eventBody(event: PlatformEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.data });
}

export interface WebhookTarget {
  event: PlatformEvent;
  endpointId: string;
}

/**
 * Stores the targets' events and one delivery per target in one statement, with the context's `db`: give it
 * the transaction that writes the facts they report, so both commit or neither. The deliveries still pending
 * are enqueued once it has committed (and returned); targets delivered before (a retried publish) are not
 * created again.
 */
export async function stageDeliveries(ctx: AppContext, routed: WebhookTarget[]): Promise<StagedDelivery[]> {
  const staged = await storeDeliveries(ctx.db, routed);
  if (staged.length > 0) await onCommit(ctx.db, () => enqueueStagedDeliveries(ctx, staged));
  return staged;
}

async function storeDeliveries(db: Db, routed: WebhookTarget[]): Promise<StagedDelivery[]> {
  if (routed.length === 0) return [];
  // Routes come from a cache: an endpoint deleted since must cost only its own delivery, not the caller's
  // transaction (a foreign-key violation). The endpoints found are held against deletion until commit.
  const endpointIds = [...new Set(routed.map((target) => target.endpointId))];
  const live = await db.selectFrom('webhook_endpoints').select('id').where('id', 'in', endpointIds).forKeyShare().execute();
  const liveIds = new Set(live.map((endpoint) => endpoint.id));
  const targets = routed.filter((target) => liveIds.has(target.endpointId));
  if (targets.length === 0) return [];
  const events = new Map(targets.map((target) => [target.event.id, target.event]));
  const eventRows = [...events.values()].map((event) => ({
    id: event.id,
    org_id: event.orgId,
    tenant_id: event.tenantId,
    type: event.type,
    body: eventBody(event),
    created_at: event.createdAt,
  }));
  const deliveryRows = targets.map((target) => {
    const id = newId('webhookDelivery');
    return {
      id,
      org_id: target.event.orgId,
      tenant_id: target.event.tenantId,
      endpoint_id: target.endpointId,
      event_id: target.event.id,
      event_type: target.event.type,
      job_id: id,
      next_attempt_at: new Date(),
      last_status_code: null,
      last_error: null,
      last_attempt_at: null,
      delivered_at: null,
    };
  });
  const inserted = await db
    .with('inserted_events', (qb) =>
      qb
        .insertInto('webhook_events')
        .values(eventRows)
        .onConflict((oc) => oc.column('id').doNothing()),
    )
    .insertInto('webhook_deliveries')
    .values(deliveryRows)
    .onConflict((oc) => oc.columns(['event_id', 'endpoint_id']).doNothing())
    .returning(['id', 'endpoint_id', 'job_id', 'tenant_id', 'org_id'])
    .execute();
  if (inserted.length === deliveryRows.length) return inserted;
  // Some existed: the earlier publish may have stopped before enqueueing them, so enqueue the pending ones again
  // (same job ids, so jobs Redis still holds are not duplicated).
  const insertedIds = new Set(inserted.map((row) => row.id));
  const existing = await db
    .selectFrom('webhook_deliveries')
    .select(['id', 'endpoint_id', 'job_id', 'tenant_id', 'org_id'])
    .where('event_id', 'in', [...events.keys()])
    .where('status', '=', 'pending')
    .execute();
  return [...inserted, ...existing.filter((row) => !insertedIds.has(row.id))];
}

interface RoutingEndpoint {
  id: string;
  tenant_id: string | null;
  environment: KeyEnvironment;
  events: ReadonlySet<string>;
}

const routingCacheMs = 1_000;
const routingCacheMaxOrgs = 50_000;
const routingCaches = contextCache(() => new Map<string, { expiresAt: number; endpoints: Promise<RoutingEndpoint[]> }>());

/**
 * The org's enabled endpoints, cached per process for at most a second: publishing sits on the send
 * hot path, and an org without endpoints must cost (almost) nothing.
 */
function routingEndpoints(ctx: AppContext, orgId: string): Promise<RoutingEndpoint[]> {
  const { db } = ctx;
  const routingCache = routingCaches(ctx);
  const now = Date.now();
  const cached = routingCache.get(orgId);
  if (cached && cached.expiresAt > now) return cached.endpoints;
  if (routingCache.size >= routingCacheMaxOrgs) {
    for (const [key, entry] of routingCache) if (entry.expiresAt <= now) routingCache.delete(key);
  }
  const endpoints = db
    .selectFrom('webhook_endpoints')
    .select(['id', 'tenant_id', 'environment', 'events'])
    .where('org_id', '=', orgId)
    .where('enabled', '=', true)
    .execute()
    .then((rows) =>
      rows.map((row) => ({ id: row.id, tenant_id: row.tenant_id, environment: row.environment, events: new Set<string>(row.events) })),
    );
  const expiresAt = now + routingCacheMs;
  if (db.isTransaction) {
    // Read on the transaction's own connection, never waiting for a second one while it holds locks; shared
    // once answered, so no other caller waits on (or fails with) that transaction.
    return endpoints.then((answered) => {
      routingCache.set(orgId, { expiresAt, endpoints: Promise.resolve(answered) });
      return answered;
    });
  }
  const entry = { expiresAt, endpoints };
  routingCache.set(orgId, entry);
  endpoints.catch(() => {
    if (routingCache.get(orgId) === entry) routingCache.delete(orgId);
  });
  return endpoints;
}

/** Drops this process's cached routes of an org after its endpoints changed; other processes follow within a second. */
export function forgetRoutes(ctx: AppContext, orgId: string): void {
  routingCaches(ctx).delete(orgId);
}

/**
 * Fans events out to the org's matching endpoints, in the context's transaction if it has one (then enqueued
 * after its commit), else at once. Idempotent by event id.
 */
export async function publishEvents(ctx: AppContext, events: PlatformEvent[]): Promise<void> {
  await stageDeliveries(ctx, await routeEvents(ctx, events));
}

/**
 * The environment an event belongs to. Message events carry their message's (test sends' events are test events);
 * so does `webhook.endpoint_disabled`, its endpoint's. The rest (tenant and domain lifecycle) concern the real
 * account: live. Only an event that says `test` is one, so a test endpoint never hears anything live.
 */
function eventEnvironment(event: PlatformEvent): KeyEnvironment {
  return event.data.environment === 'test' ? 'test' : 'live';
}

/**
 * Which endpoints hear which events: an org's enabled endpoints of the event's environment whose filter matches,
 * org-wide ones or the event's tenant's own. Reads through a per-process cache (up to a second old); pass the
 * caller's transaction when one is open.
 */
export async function routeEvents(ctx: AppContext, events: PlatformEvent[]): Promise<WebhookTarget[]> {
  const targets: WebhookTarget[] = [];
  const orgIds = new Set(events.map((event) => event.orgId));
  for (const orgId of orgIds) {
    const endpoints = await routingEndpoints(ctx, orgId);
    if (endpoints.length === 0) continue;
    for (const event of events) {
      if (event.orgId !== orgId) continue;
      const environment = eventEnvironment(event);
      for (const endpoint of endpoints) {
        // A tenant's endpoint hears only its own tenant; org-level events only reach org-wide endpoints.
        if (endpoint.tenant_id !== null && endpoint.tenant_id !== event.tenantId) continue;
        if (endpoint.environment !== environment) continue;
        if (endpoint.events.has(event.type)) targets.push({ event, endpointId: endpoint.id });
      }
    }
  }
  return targets;
}

/** Enqueues committed deliveries; any a Redis failure leaves behind, the delivery reconciler enqueues. */
async function enqueueStagedDeliveries(ctx: AppContext, deliveries: StagedDelivery[]): Promise<void> {
  await enqueueDeliveries(ctx.jobs, deliveries).catch((error: unknown) =>
    ctx.logger.error({ err: error, deliveries: deliveries.length }, 'enqueueing webhook deliveries failed; the delivery reconciler will enqueue them'),
  );
}
