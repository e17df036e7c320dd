import type { Selectable } from 'kysely';
import { z } from 'zod';
import { assertTenantUsable, visibleTo } from '../access/tenant-scope.js';
import type { Db } from '../platform/db.js';
import type {
  KeyEnvironment,
  PreviousSecret,
  WebhookAttemptTable,
  WebhookDeliveryTable,
  WebhookEndpointTable,
} from '../platform/schema/index.js';
import { ApiError, invalid, notFound } from '../platform/errors.js';
import { type EventType, eventTypes, type PlatformEvent } from '../platform/event-types.js';
import { idFloor, newId } from '../platform/ids.js';
import { logger } from '../platform/logger.js';
import { assertMayChange, environmentVisibleTo } from '../access/object-environment.js';
import { fetchPage, type PageQuery, pageQuery } from '../platform/pagination.js';
import { actingTenantId, type Principal } from '../access/principal.js';
import { enqueueBulk, queue, queueNames } from '../platform/jobs.js';
import { newWebhookSecret } from './signing.js';
import { endpointUrlProblem, type UrlPolicy } from './url-policy.js';

type Endpoint = Selectable<WebhookEndpointTable>;
type Delivery = Selectable<WebhookDeliveryTable>;
type Attempt = Selectable<WebhookAttemptTable>;

// ---------------------------------------------------------------------------------------------
// Retry schedule and job options (BullMQ owns retries; the worker's backoff strategy reads this)

/** Delay before each attempt of one delivery round: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const retrySchedule = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;
export const webhookBackoffType = 'webhook-schedule';
/** An endpoint whose every attempt has failed for this long is disabled. */
export const failingDisableAfterMs = 5 * 24 * 3_600_000;

/** Delay before the attempt following `attemptsMade` failed ones; a Retry-After asking for longer wins, up to the longest step. */
export function retryDelayMs(attemptsMade: number, retryAfterMs?: number): number {
  const scheduled = retrySchedule[Math.min(attemptsMade, retrySchedule.length - 1)] as number;
  const longest = retrySchedule[retrySchedule.length - 1] as number;
  return Math.max(scheduled, Math.min(retryAfterMs ?? 0, longest));
}

/** A delivery stored with the fact it reports, to be enqueued once that fact has committed. */
export type StagedDelivery = Pick<Delivery, 'id' | 'endpoint_id' | 'job_id'>;

async function enqueueDeliveries(deliveries: StagedDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await enqueueBulk(
    queueNames.webhooks,
    'deliver',
    deliveries.map((delivery) => ({
      data: { deliveryId: delivery.id, endpointId: delivery.endpoint_id },
      opts: { jobId: delivery.job_id, attempts: retrySchedule.length, backoff: { type: webhookBackoffType } },
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Endpoints

/** `webhook.test` is sent on request to one endpoint, never subscribed to. */
const subscribableEvents = eventTypes.filter((type) => type !== 'webhook.test') as [EventType, ...EventType[]];
const eventList = z
  .array(z.enum(subscribableEvents, { error: `must be one of ${subscribableEvents.join(', ')}` }))
  .min(1)
  .max(subscribableEvents.length)
  .transform((events) => [...new Set(events)]);
const endpointUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048);
const description = z.string().trim().max(500);

export const createEndpointInput = z.strictObject({
  url: endpointUrl,
  tenant_id: z.string().max(64).nullish(),
  events: eventList,
  description: description.nullish(),
});

export const updateEndpointInput = z.strictObject({
  url: endpointUrl.optional(),
  events: eventList.optional(),
  enabled: z.boolean().optional(),
  description: description.nullable().optional(),
});

export const listEndpointsQuery = pageQuery.extend({ tenant_id: z.string().max(64).optional() });
export const listDeliveriesQuery = pageQuery.extend({ status: z.enum(['pending', 'succeeded', 'failed']).optional() });

export function presentEndpoint(endpoint: Endpoint) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    tenant_id: endpoint.tenant_id,
    environment: endpoint.environment,
    events: endpoint.events,
    description: endpoint.description,
    enabled: endpoint.enabled,
    disabled_reason: endpoint.disabled_reason,
    created_at: endpoint.created_at.toISOString(),
    updated_at: endpoint.updated_at.toISOString(),
  };
}

async function assertUrlAllowed(url: string, policy: UrlPolicy): Promise<void> {
  const problem = await endpointUrlProblem(new URL(url), policy);
  if (problem) throw invalid('url', problem, 'URL_NOT_ALLOWED');
}

/** Endpoints in the principal's reach: its org's, and only its own tenant's for tenant-bound keys. */
function endpointsInScope(db: Db, principal: Principal) {
  return db.selectFrom('webhook_endpoints').selectAll().where(visibleTo('webhook_endpoints', principal));
}

/** Endpoints the principal may see: those in its reach, only the test ones for a test key. */
function visibleEndpoints(db: Db, principal: Principal) {
  return endpointsInScope(db, principal).where(environmentVisibleTo('webhook_endpoints', principal));
}

async function findEndpoint(db: Db, principal: Principal, endpointId: string): Promise<Endpoint> {
  const endpoint = await visibleEndpoints(db, principal).where('id', '=', endpointId).executeTakeFirst();
  if (!endpoint) throw notFound('webhook endpoint', endpointId);
  return endpoint;
}

/**
 * An endpoint the principal is about to change: 404 outside its reach, 403 for a test key and a live endpoint.
 * `lock` holds the row until the caller's transaction ends.
 */
async function findEndpointToChange(db: Db, principal: Principal, endpointId: string, lock = false): Promise<Endpoint> {
  const endpoint = await endpointsInScope(db, principal)
    .where('id', '=', endpointId)
    .$if(lock, (select) => select.forUpdate())
    .executeTakeFirst();
  if (!endpoint) throw notFound('webhook endpoint', endpointId);
  assertMayChange(principal, endpoint, 'webhook endpoints');
  return endpoint;
}

export async function createEndpoint(
  db: Db,
  principal: Principal,
  input: z.infer<typeof createEndpointInput>,
  policy: UrlPolicy,
) {
  const tenantId = actingTenantId(principal, input.tenant_id);
  if (tenantId !== null) await assertTenantUsable(db, principal.orgId, tenantId);
  await assertUrlAllowed(input.url, policy);
  const secret = newWebhookSecret();
  const endpoint = await db
    .insertInto('webhook_endpoints')
    .values({
      id: newId('webhookEndpoint'),
      org_id: principal.orgId,
      tenant_id: tenantId,
      environment: principal.environment,
      url: input.url,
      description: input.description ?? null,
      events: input.events,
      secret,
      disabled_reason: null,
      disabled_at: null,
      failing_since: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  forgetRoutes(principal.orgId);
  return { ...presentEndpoint(endpoint), secret };
}

export async function listEndpoints(db: Db, principal: Principal, query: PageQuery & z.infer<typeof listEndpointsQuery>) {
  let select = visibleEndpoints(db, principal);
  if (query.tenant_id !== undefined) select = select.where('tenant_id', '=', query.tenant_id);
  return fetchPage(select, query, presentEndpoint);
}

export async function getEndpoint(db: Db, principal: Principal, endpointId: string) {
  return presentEndpoint(await findEndpoint(db, principal, endpointId));
}

export async function updateEndpoint(
  db: Db,
  principal: Principal,
  endpointId: string,
  input: z.infer<typeof updateEndpointInput>,
  policy: UrlPolicy,
) {
  const current = await findEndpointToChange(db, principal, endpointId);
  if (input.url !== undefined) await assertUrlAllowed(input.url, policy);
  // Re-enabling starts afresh: the failure run that disabled it is over.
  const enabling = input.enabled === true && !current.enabled;
  const disabling = input.enabled === false && current.enabled;
  const endpoint = await db
    .updateTable('webhook_endpoints')
    .set({
      url: input.url,
      events: input.events,
      description: input.description,
      enabled: input.enabled,
      ...(enabling ? { disabled_reason: null, disabled_at: null, failing_since: null } : {}),
      ...(disabling ? { disabled_reason: 'manual' as const, disabled_at: new Date() } : {}),
      updated_at: new Date(),
    })
    .where('org_id', '=', principal.orgId)
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirst();
  if (!endpoint) throw notFound('webhook endpoint', endpointId);
  forgetRoutes(principal.orgId);
  return presentEndpoint(endpoint);
}

export async function deleteEndpoint(db: Db, principal: Principal, endpointId: string) {
  const endpoint = await findEndpointToChange(db, principal, endpointId);
  // Its deliveries and their attempt log go with it (foreign keys cascade).
  await db.deleteFrom('webhook_endpoints').where('org_id', '=', principal.orgId).where('id', '=', endpoint.id).execute();
  forgetRoutes(principal.orgId);
  return { id: endpoint.id, deleted: true };
}

export const secretOverlapMs = 24 * 3_600_000;
/**
 * Every secret in force signs each delivery: this bounds the webhook-signature header (about 50 bytes a secret)
 * well below the 8 KB many servers accept.
 */
export const maxSecretsInForce = 20;

const unexpired = (previousSecrets: PreviousSecret[], now: Date) =>
  previousSecrets.filter((previous) => Date.parse(previous.expires_at) > now.getTime());

/** The secrets that sign a delivery now: the current one, then each rotated-out one until its 24 h are up. */
export function signingSecrets(endpoint: { secret: string; previous_secrets: PreviousSecret[] }, now = new Date()): string[] {
  return [endpoint.secret, ...unexpired(endpoint.previous_secrets, now).map((previous) => previous.secret)];
}

/**
 * A new secret; every secret handed out before keeps signing alongside it for 24 h from its own replacement, so
 * receivers can switch over however many rotations follow. Rotations of one endpoint take turns on its row lock,
 * so concurrent ones each keep the secret the one before installed.
 */
export async function rotateSecret(db: Db, principal: Principal, endpointId: string) {
  return db.transaction().execute(async (trx) => {
    const current = await findEndpointToChange(trx, principal, endpointId, true);
    const now = new Date();
    const replacedExpiresAt = new Date(now.getTime() + secretOverlapMs).toISOString();
    const stillSigning = unexpired(current.previous_secrets, now);
    if (stillSigning.length + 1 >= maxSecretsInForce) {
      throw new ApiError(
        409,
        'conflict_error',
        'TOO_MANY_SECRETS',
        `webhook endpoint ${current.id} already has ${stillSigning.length + 1} secrets in force; the oldest expires at ${stillSigning.at(-1)?.expires_at}`,
      );
    }
    const previousSecrets = [{ secret: current.secret, expires_at: replacedExpiresAt }, ...stillSigning];
    const secret = newWebhookSecret();
    const endpoint = await trx
      .updateTable('webhook_endpoints')
      .set({ secret, previous_secrets: JSON.stringify(previousSecrets), updated_at: now })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...presentEndpoint(endpoint), secret, previous_secret_expires_at: replacedExpiresAt };
  });
}

// ---------------------------------------------------------------------------------------------
// Fan-out

function eventBody(event: PlatformEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.data });
}

export interface WebhookTarget {
  event: PlatformEvent;
  endpointId: string;
}

/**
 * Stores the targets' events and one delivery per target in one statement, with `db`: pass the transaction
 * that writes the facts they report, so both commit or neither, and enqueue the result after the commit.
 * Returns every delivery of them still pending; targets delivered before (a retried publish) are not created again.
 */
export async function stageDeliveries(db: Db, routed: WebhookTarget[]): Promise<StagedDelivery[]> {
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
    .returning(['id', 'endpoint_id', 'job_id'])
    .execute();
  if (inserted.length === deliveryRows.length) return inserted;
  // Some existed: the earlier publish may have stopped before enqueueing them, so enqueue the pending ones again
  // (same job ids, so jobs Redis still holds are not duplicated).
  const insertedIds = new Set(inserted.map((row) => row.id));
  const existing = await db
    .selectFrom('webhook_deliveries')
    .select(['id', 'endpoint_id', 'job_id'])
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
const routingCache = new Map<string, { expiresAt: number; endpoints: Promise<RoutingEndpoint[]> }>();

/**
 * The org's enabled endpoints, cached per process for at most a second: publishing sits on the send
 * hot path, and an org without endpoints must cost (almost) nothing.
 */
function routingEndpoints(db: Db, orgId: string): Promise<RoutingEndpoint[]> {
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
export function forgetRoutes(orgId: string): void {
  routingCache.delete(orgId);
}

/**
 * Fans events out to the org's matching endpoints. Call after the fact the events report has committed;
 * idempotent by event id.
 */
export async function publishEvents(db: Db, events: PlatformEvent[]): Promise<void> {
  await enqueueDeliveries(await stageDeliveries(db, await routeEvents(db, events)));
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
export async function routeEvents(db: Db, events: PlatformEvent[]): Promise<WebhookTarget[]> {
  const targets: WebhookTarget[] = [];
  const orgIds = new Set(events.map((event) => event.orgId));
  for (const orgId of orgIds) {
    const endpoints = await routingEndpoints(db, orgId);
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
export async function enqueueStagedDeliveries(deliveries: StagedDelivery[]): Promise<void> {
  await enqueueDeliveries(deliveries).catch((error: unknown) =>
    logger.error({ err: error, deliveries: deliveries.length }, 'enqueueing webhook deliveries failed; the delivery reconciler will enqueue them'),
  );
}

/** Sends a `webhook.test` event to one endpoint, whatever its event filter. */
export async function sendTestEvent(db: Db, principal: Principal, endpointId: string) {
  const endpoint = await findEndpointToChange(db, principal, endpointId);
  if (!endpoint.enabled) {
    throw new ApiError(409, 'conflict_error', 'ENDPOINT_DISABLED', `webhook endpoint ${endpoint.id} is disabled; enable it first`);
  }
  const event: PlatformEvent = {
    id: newId('event'),
    type: 'webhook.test',
    orgId: endpoint.org_id,
    tenantId: endpoint.tenant_id,
    createdAt: new Date(),
    data: { endpoint_id: endpoint.id, message: 'This is a test event from Sendoka.' },
  };
  const deliveries = await stageDeliveries(db, [{ event, endpointId: endpoint.id }]);
  await enqueueDeliveries(deliveries);
  return { event_id: event.id, delivery_id: deliveries[0]?.id ?? null };
}

// ---------------------------------------------------------------------------------------------
// Delivery log and replay

function presentAttempt(attempt: Attempt) {
  return {
    attempt: attempt.attempt,
    status_code: attempt.status_code,
    latency_ms: attempt.latency_ms,
    error: attempt.error,
    attempted_at: attempt.attempted_at.toISOString(),
    next_attempt_at: attempt.next_attempt_at?.toISOString() ?? null,
  };
}

function presentDelivery(delivery: Delivery, attempts: Attempt[]) {
  return {
    id: delivery.id,
    endpoint_id: delivery.endpoint_id,
    event_id: delivery.event_id,
    event_type: delivery.event_type,
    status: delivery.status,
    attempt_count: delivery.attempts,
    last_status_code: delivery.last_status_code,
    last_error: delivery.last_error,
    next_attempt_at: delivery.next_attempt_at?.toISOString() ?? null,
    delivered_at: delivery.delivered_at?.toISOString() ?? null,
    created_at: delivery.created_at.toISOString(),
    attempts: attempts.map(presentAttempt),
  };
}

async function attemptsOf(db: Db, deliveryIds: string[]): Promise<Map<string, Attempt[]>> {
  const byDelivery = new Map<string, Attempt[]>(deliveryIds.map((id) => [id, []]));
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('attempt')
    .execute();
  for (const row of rows) byDelivery.get(row.delivery_id)?.push(row);
  return byDelivery;
}

/** The endpoint's deliveries, newest first, each with every attempt (status code, latency, error, next attempt). */
export async function listDeliveries(
  db: Db,
  principal: Principal,
  endpointId: string,
  query: PageQuery & z.infer<typeof listDeliveriesQuery>,
) {
  const endpoint = await findEndpoint(db, principal, endpointId);
  let select = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpoint.id);
  if (query.status) select = select.where('status', '=', query.status);
  const page = await fetchPage(select, query, (row) => row);
  const attempts = await attemptsOf(db, page.data.map((row) => row.id));
  return { ...page, data: page.data.map((row) => presentDelivery(row, attempts.get(row.id) ?? [])) };
}

/** Sends a finished delivery again, with a fresh retry schedule; the same webhook-id lets receivers deduplicate. */
export async function replayDelivery(db: Db, principal: Principal, deliveryId: string) {
  const current = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
    .select(['webhook_deliveries.id', 'webhook_deliveries.status', 'webhook_endpoints.enabled', 'webhook_endpoints.environment'])
    .where('webhook_deliveries.id', '=', deliveryId)
    .where('webhook_endpoints.org_id', '=', principal.orgId)
    .$if(principal.tenantId !== null, (select) => select.where('webhook_endpoints.tenant_id', '=', principal.tenantId))
    .executeTakeFirst();
  if (!current) throw notFound('webhook delivery', deliveryId);
  assertMayChange(principal, current, 'webhook deliveries');
  if (!current.enabled) {
    throw new ApiError(409, 'conflict_error', 'ENDPOINT_DISABLED', `the delivery's endpoint is disabled; enable it first`);
  }
  const jobId = `${current.id}-replay-${Date.now()}`;
  const delivery = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', job_id: jobId, next_attempt_at: new Date() })
    .where('id', '=', current.id)
    .where('status', '!=', 'pending')
    .returningAll()
    .executeTakeFirst();
  if (!delivery) {
    throw new ApiError(409, 'conflict_error', 'DELIVERY_PENDING', `delivery ${deliveryId} is still being attempted`);
  }
  await enqueueDeliveries([delivery]);
  const attempts = await attemptsOf(db, [delivery.id]);
  return presentDelivery(delivery, attempts.get(delivery.id) ?? []);
}

// ---------------------------------------------------------------------------------------------
// Reconciliation

const reconcileGraceMs = 5 * 60_000;
const liveJobStates = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Removes webhook history older than `olderThan`: finished deliveries (their attempts go with them), then
 * events no delivery refers to any more. Pending deliveries stay however old. Batched by primary key (ids
 * sort by time), so no statement holds locks for long. Returns the rows removed.
 */
export async function pruneWebhookHistory(db: Db, olderThan: Date, batchSize = 5_000): Promise<number> {
  const inBatches = async (deleteBatch: () => Promise<{ numDeletedRows: bigint }>) => {
    let removed = 0;
    for (;;) {
      const deleted = Number((await deleteBatch()).numDeletedRows);
      removed += deleted;
      if (deleted < batchSize) return removed;
    }
  };
  const deliveries = await inBatches(() =>
    db
      .deleteFrom('webhook_deliveries')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('webhook_deliveries')
          .select('id')
          .where('id', '<', idFloor('webhookDelivery', olderThan))
          .where('status', '!=', 'pending')
          .limit(batchSize),
      )
      .executeTakeFirst(),
  );
  const events = await inBatches(() =>
    db
      .deleteFrom('webhook_events')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('webhook_events as event')
          .select('event.id')
          .where('event.id', '<', idFloor('event', olderThan))
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('webhook_deliveries as delivery').select('delivery.id').whereRef('delivery.event_id', '=', 'event.id'))),
          )
          .limit(batchSize),
      )
      .executeTakeFirst(),
  );
  return deliveries + events;
}

/** Re-enqueues pending deliveries whose job Redis no longer holds (lost, flushed). Returns how many. */
export async function reconcileDeliveries(db: Db, limit = 1_000): Promise<number> {
  const candidates = await db
    .selectFrom('webhook_deliveries')
    .select(['id', 'endpoint_id', 'job_id'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<', new Date(Date.now() - reconcileGraceMs))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  const lost: typeof candidates = [];
  for (const delivery of candidates) {
    const state = await queue(queueNames.webhooks).getJobState(delivery.job_id);
    if (!liveJobStates.has(state)) lost.push({ ...delivery, job_id: `${delivery.id}-requeue-${Date.now()}` });
  }
  for (const delivery of lost) {
    await db
      .updateTable('webhook_deliveries')
      .set({ job_id: delivery.job_id })
      .where('id', '=', delivery.id)
      .where('status', '=', 'pending')
      .execute();
  }
  await enqueueDeliveries(lost);
  if (lost.length > 0) logger.warn({ count: lost.length }, 're-enqueued webhook deliveries Redis had lost');
  return lost.length;
}
