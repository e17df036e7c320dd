import { sql } from 'kysely';
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
  environment: KeyEnvironment;
  events: ReadonlySet<string>;
}

/**
 * Who may hear an event: its org's org-wide endpoints (tenantId null) and its tenant's own. Routes are cached
 * per scope, never per org, so an event costs its own tenant's endpoints whatever number of tenants (each with
 * endpoints of its own, in platform mode) the org has.
 */
interface RouteScope {
  orgId: string;
  tenantId: string | null;
}

const scopeKey = (scope: RouteScope) => (scope.tenantId === null ? scope.orgId : `${scope.orgId}/${scope.tenantId}`);

const routingCacheMs = 1_000;
/**
 * The cache holds the scopes asked for within the last second, and never more than this many. Measured heap:
 * ≈ 140 bytes a scope without endpoints, ≈ 500 with one, so ≈ 14–50 MB if 100,000 tenants all publish within
 * the same second in one process; a few MB for the usual few thousand.
 */
const routingCacheMaxScopes = 100_000;

interface RoutingCache {
  /** In insertion order, which is expiry order: every entry lives routingCacheMs from when it was set. */
  routes: Map<string, { expiresAt: number; endpoints: Promise<RoutingEndpoint[]> }>;
  /** Counts forgetRoutes calls: a read that overlapped one may predate the change and is not kept. */
  forgotten: number;
}

const routingCaches = contextCache((): RoutingCache => ({ routes: new Map(), forgotten: 0 }));

function remember(cache: RoutingCache, key: string, endpoints: Promise<RoutingEndpoint[]>, now: number) {
  const { routes } = cache;
  routes.delete(key);
  // Expired entries leave from the front as new ones come; beyond the bound, the oldest go even if fresh.
  for (const [oldest, entry] of routes) {
    if (entry.expiresAt > now && routes.size < routingCacheMaxScopes) break;
    routes.delete(oldest);
  }
  routes.set(key, { expiresAt: now + routingCacheMs, endpoints });
}

/**
 * The enabled endpoints of each scope, cached per process for at most a second: publishing sits on the send hot
 * path, and a tenant without endpoints must cost (almost) nothing. What is not cached is read in one query.
 */
async function routingEndpoints(ctx: AppContext, orgId: string, tenantIds: ReadonlySet<string | null>): Promise<Map<string | null, RoutingEndpoint[]>> {
  const { db } = ctx;
  const cache = routingCaches(ctx);
  const now = Date.now();
  const found = new Map<string | null, Promise<RoutingEndpoint[]>>();
  const missing: (string | null)[] = [];
  for (const tenantId of tenantIds) {
    const cached = cache.routes.get(scopeKey({ orgId, tenantId }));
    if (cached && cached.expiresAt > now) found.set(tenantId, cached.endpoints);
    else missing.push(tenantId);
  }
  if (missing.length > 0) {
    const tenants = missing.filter((tenantId) => tenantId !== null);
    const forgottenBefore = cache.forgotten;
    const loaded = db
      .selectFrom('webhook_endpoints')
      .select(['id', 'tenant_id', 'environment', 'events'])
      .where('org_id', '=', orgId)
      .where('enabled', '=', true)
      .where((eb) =>
        eb.or([
          ...(missing.includes(null) ? [eb('tenant_id', 'is', null)] : []),
          // One array parameter however many tenants a batch of events spans.
          ...(tenants.length > 0 ? [sql<boolean>`tenant_id = any(${tenants}::text[])`] : []),
        ]),
      )
      .execute()
      .then((rows) => {
        const byScope = new Map<string | null, RoutingEndpoint[]>(missing.map((tenantId) => [tenantId, []]));
        // Endpoints mostly subscribe to the same few lists (one per customer, set up alike): one set per list.
        const eventSets = new Map<string, ReadonlySet<string>>();
        for (const row of rows) {
          const listed = row.events.join(',');
          const events = eventSets.get(listed) ?? new Set<string>(row.events);
          eventSets.set(listed, events);
          byScope.get(row.tenant_id)?.push({ id: row.id, environment: row.environment, events });
        }
        return byScope;
      });
    if (db.isTransaction) {
      // Read on the transaction's own connection, never waiting for a second one while it holds locks; shared
      // once answered, so no other caller waits on (or fails with) that transaction.
      const answered = await loaded;
      const keep = cache.forgotten === forgottenBefore;
      for (const [tenantId, endpoints] of answered) {
        found.set(tenantId, Promise.resolve(endpoints));
        if (keep) remember(cache, scopeKey({ orgId, tenantId }), Promise.resolve(endpoints), Date.now());
      }
    } else {
      for (const tenantId of missing) {
        const key = scopeKey({ orgId, tenantId });
        const endpoints = loaded.then((byScope) => byScope.get(tenantId) ?? []);
        found.set(tenantId, endpoints);
        remember(cache, key, endpoints, now);
        endpoints.catch(() => {
          if (cache.routes.get(key)?.endpoints === endpoints) cache.routes.delete(key);
        });
      }
    }
  }
  const answered = new Map<string | null, RoutingEndpoint[]>();
  for (const [tenantId, endpoints] of found) answered.set(tenantId, await endpoints);
  return answered;
}

/**
 * Drops this process's cached routes of an endpoint's scope (its tenant's, or its org's org-wide ones) after an
 * endpoint there was created, changed or deleted; other processes follow within a second.
 */
export function forgetRoutes(ctx: AppContext, endpoint: { org_id: string; tenant_id: string | null }): void {
  const cache = routingCaches(ctx);
  cache.forgotten += 1;
  cache.routes.delete(scopeKey({ orgId: endpoint.org_id, tenantId: endpoint.tenant_id }));
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
 * Which endpoints hear which events: the enabled endpoints of the event's environment whose filter matches, among
 * its org's org-wide ones and its tenant's own (an org-level event: the org-wide ones only). Reads through a
 * per-process cache (up to a second old); pass the caller's transaction when one is open.
 */
export async function routeEvents(ctx: AppContext, events: PlatformEvent[]): Promise<WebhookTarget[]> {
  const targets: WebhookTarget[] = [];
  const scopesByOrg = new Map<string, Set<string | null>>();
  for (const event of events) {
    const scopes = scopesByOrg.get(event.orgId) ?? new Set<string | null>([null]);
    scopes.add(event.tenantId);
    scopesByOrg.set(event.orgId, scopes);
  }
  for (const [orgId, tenantIds] of scopesByOrg) {
    const endpoints = await routingEndpoints(ctx, orgId, tenantIds);
    const orgWide = endpoints.get(null) ?? [];
    for (const event of events) {
      if (event.orgId !== orgId) continue;
      const environment = eventEnvironment(event);
      const own = event.tenantId === null ? [] : (endpoints.get(event.tenantId) ?? []);
      for (const scoped of [orgWide, own]) {
        for (const endpoint of scoped) {
          if (endpoint.environment !== environment) continue;
          if (endpoint.events.has(event.type)) targets.push({ event, endpointId: endpoint.id });
        }
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
