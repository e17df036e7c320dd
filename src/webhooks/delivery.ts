import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { performance } from 'node:perf_hooks';
import got, { CancelError, RequestError } from 'got';
import { sql } from 'kysely';
import { batched } from '../platform/batched.js';
import { type Db, transaction } from '../platform/db.js';
import { deterministicEventId, type PlatformEvent } from '../platform/event-types.js';
import { observeWebhookAttempt } from '../platform/metrics.js';
import type { DeliveryStatus, DisabledReason } from '../platform/schema/index.js';
import { signedHeaders } from './signing.js';
import { guardedLookup, type UrlPolicy, urlProblem } from './url-policy.js';
import { signingSecrets } from './endpoints.js';
import { forgetRoutes, routeEvents, stageDeliveries } from './fan-out.js';
import { failingDisableAfterMs, retryDelayMs, retrySchedule } from './retry-policy.js';
import { type AppContext, within } from '../context.js';

const requestTimeoutMs = 15_000;
/** Receivers answer with a status; a bigger body is cut off rather than held in memory. */
const maxResponseBytes = 64 * 1024;
const errorSnippetChars = 200;

// Keep-alive pools: a busy endpoint reuses its connections (up to one per worker slot, so none are
// closed and reopened under load). The guarded lookup runs per new connection.
const keepAlive = { keepAlive: true, scheduling: 'lifo' as const, maxFreeSockets: 512 };
const agents = { http: new HttpAgent(keepAlive), https: new HttpsAgent(keepAlive) };

const client = got.extend({
  method: 'POST',
  timeout: { request: requestTimeoutMs },
  retry: { limit: 0 },
  followRedirect: false,
  throwHttpErrors: false,
  agent: agents,
  http2: false,
});

export interface AttemptResult {
  statusCode: number | null;
  latencyMs: number;
  /** null on a 2xx. */
  error: string | null;
  retryAfterMs?: number;
}

function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * One signed POST: no retries (BullMQ owns them), no redirects, a 15 s budget, internal addresses
 * refused at connect time unless the policy allows them.
 */
export async function postWebhook(
  url: string,
  webhookId: string,
  body: string,
  secrets: readonly string[],
  policy: UrlPolicy,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = urlProblem(new URL(url), policy);
  if (problem) return { statusCode: null, latencyMs: 0, error: `refused: ${problem}` };

  let statusCode: number | null = null;
  let headers: Record<string, string | string[] | undefined> = {};
  const request = client(url, {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Sendoka-Webhooks/1.0',
      ...signedHeaders(secrets, webhookId, body),
    },
    dnsLookup: guardedLookup(policy),
  });
  request.on('response', (response) => {
    statusCode = response.statusCode;
    headers = response.headers;
  });
  request.on('downloadProgress', (progress) => {
    if (progress.transferred > maxResponseBytes) request.cancel();
  });
  let responseBody = '';
  try {
    const response = await request;
    responseBody = response.body;
  } catch (error) {
    if (!(error instanceof CancelError) || statusCode === null) {
      const code = error instanceof RequestError ? error.code : undefined;
      const message = error instanceof Error ? error.message : String(error);
      return { statusCode: null, latencyMs: elapsed(), error: code && !message.includes(code) ? `${code}: ${message}` : message };
    }
  }
  const status = statusCode as number | null;
  if (status !== null && status >= 200 && status < 300) return { statusCode: status, latencyMs: elapsed(), error: null };
  const snippet = responseBody.slice(0, errorSnippetChars).trim();
  return {
    statusCode: status,
    latencyMs: elapsed(),
    error: `HTTP ${status}${snippet ? `: ${snippet}` : ''}`,
    retryAfterMs: retryAfterMs(headers['retry-after']),
  };
}

/**
 * Disables an endpoint (once) and tells the org's other endpoints through `webhook.endpoint_disabled`,
 * whose deliveries commit with the change: a crash cannot disable it silently.
 */
async function disableEndpoint(ctx: AppContext, endpointId: string, reason: Exclude<DisabledReason, 'manual'>): Promise<void> {
  const { db } = ctx;
  const now = new Date();
  const disabled = await transaction(db, async (trx) => {
    const endpoint = await trx
      .updateTable('webhook_endpoints')
      .set({ enabled: false, disabled_reason: reason, disabled_at: now, updated_at: now })
      .where('id', '=', endpointId)
      .where('enabled', '=', true)
      .returningAll()
      .executeTakeFirst();
    if (!endpoint) return undefined;
    const event: PlatformEvent = {
      id: deterministicEventId(`webhook.endpoint_disabled:${endpoint.id}:${now.toISOString()}`),
      type: 'webhook.endpoint_disabled',
      orgId: endpoint.org_id,
      tenantId: endpoint.tenant_id,
      createdAt: now,
      data: {
        endpoint_id: endpoint.id,
        url: endpoint.url,
        tenant_id: endpoint.tenant_id,
        // A test endpoint's notice goes to test endpoints only, a live one's to live ones.
        environment: endpoint.environment,
        reason,
        failing_since: endpoint.failing_since?.toISOString() ?? null,
      },
    };
    // Cached routes may still list the endpoint being disabled.
    const inTransaction = within(ctx, trx);
    const targets = (await routeEvents(inTransaction, [event])).filter((target) => target.endpointId !== endpoint.id);
    await stageDeliveries(inTransaction, targets);
    return endpoint;
  });
  if (!disabled) return;
  forgetRoutes(ctx, disabled);
  ctx.logger.warn({ endpointId, reason }, 'webhook endpoint disabled');
}

function loadDeliveries(db: Db, ids: string[]) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .innerJoin('webhook_endpoints as ep', 'ep.id', 'd.endpoint_id')
    .select([
      'd.id',
      'd.status',
      'd.event_id',
      'e.body',
      'ep.id as endpoint_id',
      'ep.url',
      'ep.enabled',
      'ep.secret',
      'ep.previous_secrets',
      'ep.failing_since',
    ])
    .where('d.id', 'in', ids)
    .execute();
}

interface RecordedAttempt {
  deliveryId: string;
  endpointId: string;
  status: DeliveryStatus;
  result: AttemptResult;
  nextAttemptAt: Date | null;
}

/**
 * Logs attempts and moves their deliveries on, in one statement: the delivery rows, their attempt log
 * entries and each endpoint's failure run (started by a failure, ended by a success; the latest outcome wins).
 */
async function recordAttempts(db: Db, attempts: RecordedAttempt[]): Promise<void> {
  const latestOutcome = new Map(attempts.map((attempt) => [attempt.endpointId, attempt.status === 'succeeded']));
  await sql`
    with input as (
      select * from unnest(
        ${attempts.map((attempt) => attempt.deliveryId)}::text[],
        ${attempts.map((attempt) => attempt.status)}::text[],
        ${attempts.map((attempt) => attempt.result.statusCode)}::int[],
        ${attempts.map((attempt) => attempt.result.error)}::text[],
        ${attempts.map((attempt) => attempt.result.latencyMs)}::int[],
        ${attempts.map((attempt) => attempt.nextAttemptAt)}::timestamptz[]
      ) as i(delivery_id, status, status_code, error, latency_ms, next_attempt_at)
    ), updated as (
      update webhook_deliveries d
         set status = i.status, attempts = d.attempts + 1, last_status_code = i.status_code, last_error = i.error,
             last_attempt_at = now(), next_attempt_at = i.next_attempt_at,
             delivered_at = case when i.status = 'succeeded' then now() end
        from input i
       where d.id = i.delivery_id and d.status = 'pending'
   returning d.id, d.attempts
    ), logged as (
      insert into webhook_attempts (delivery_id, attempt, status_code, latency_ms, error, next_attempt_at)
      select u.id, u.attempts, i.status_code, i.latency_ms, i.error, i.next_attempt_at
        from updated u join input i on i.delivery_id = u.id
    ), health as (
      select * from unnest(${[...latestOutcome.keys()]}::text[], ${[...latestOutcome.values()]}::boolean[]) as h(endpoint_id, succeeded)
    )
    update webhook_endpoints e
       set failing_since = case when h.succeeded then null else now() end
      from health h
     where e.id = h.endpoint_id and (h.succeeded = (e.failing_since is not null))
  `.execute(db);
  for (const attempt of attempts) observeWebhookAttempt(attempt.status, attempt.result);
}

type DeliveryToAttempt = Awaited<ReturnType<typeof loadDeliveries>>[number];

const batchers = new WeakMap<Db, { load: (id: string) => Promise<DeliveryToAttempt | undefined>; record: (attempt: RecordedAttempt) => Promise<void> }>();

function batchersFor(db: Db) {
  let existing = batchers.get(db);
  if (!existing) {
    existing = {
      load: batched(async (ids: string[]) => {
        const rows = new Map((await loadDeliveries(db, ids)).map((row) => [row.id, row]));
        return ids.map((id) => rows.get(id));
      }),
      record: batched(async (attempts: RecordedAttempt[]) => {
        await recordAttempts(db, attempts);
        return attempts.map(() => undefined);
      }),
    };
    batchers.set(db, existing);
  }
  return existing;
}

/**
 * Makes one attempt of a delivery (`attemptsMade` = failed attempts so far in this round) and
 * returns the delay before the next one, or undefined when the delivery is finished.
 */
export async function attemptDelivery(ctx: AppContext, deliveryId: string,
  attemptsMade: number,
  policy: UrlPolicy,
): Promise<{ retryInMs: number } | undefined> {
  const { db } = ctx;
  const { load, record } = batchersFor(db);
  const delivery = await load(deliveryId);
  // Gone with its endpoint, or finished by an earlier run of this job.
  if (!delivery || delivery.status !== 'pending') return undefined;
  if (!delivery.enabled) {
    await db
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', last_error: 'endpoint disabled', next_attempt_at: null })
      .where('id', '=', delivery.id)
      .where('status', '=', 'pending')
      .execute();
    return undefined;
  }

  // The event id is the webhook-id: stable across retries and replays, so receivers can deduplicate.
  const result = await postWebhook(delivery.url, delivery.event_id, delivery.body, signingSecrets(delivery), policy);

  if (result.error === null) {
    await record({ deliveryId: delivery.id, endpointId: delivery.endpoint_id, status: 'succeeded', result, nextAttemptAt: null });
    return undefined;
  }
  const gone = result.statusCode === 410;
  const failingTooLong =
    delivery.failing_since !== null && Date.now() - delivery.failing_since.getTime() >= failingDisableAfterMs;
  const lastAttempt = attemptsMade + 1 >= retrySchedule.length;
  if (gone || failingTooLong || lastAttempt) {
    await record({ deliveryId: delivery.id, endpointId: delivery.endpoint_id, status: 'failed', result, nextAttemptAt: null });
    if (gone || failingTooLong) await disableEndpoint(ctx, delivery.endpoint_id, gone ? 'gone' : 'failing');
    return undefined;
  }
  const retryInMs = retryDelayMs(attemptsMade + 1, result.retryAfterMs);
  await record({
    deliveryId: delivery.id,
    endpointId: delivery.endpoint_id,
    status: 'pending',
    result,
    nextAttemptAt: new Date(Date.now() + retryInMs),
  });
  return { retryInMs };
}
