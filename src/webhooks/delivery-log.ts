import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Db } from '../platform/db.js';
import type { WebhookAttemptTable, WebhookDeliveryTable } from '../platform/schema/index.js';
import { ApiError, notFound } from '../platform/errors.js';
import { assertMayChange } from '../access/object-environment.js';
import { fetchPage, type PageQuery, pageQuery } from '../platform/pagination.js';
import type { Principal } from '../access/principal.js';
import { findEndpoint } from './endpoints.js';
import { enqueueDeliveries } from './retry-policy.js';
import type { AppContext } from '../context.js';

// An endpoint's deliveries with their attempts, and replaying a finished one.

type Delivery = Selectable<WebhookDeliveryTable>;
type Attempt = Selectable<WebhookAttemptTable>;

export const listDeliveriesQuery = pageQuery.extend({ status: z.enum(['pending', 'succeeded', 'failed']).optional() });

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
export async function replayDelivery(ctx: AppContext, principal: Principal, deliveryId: string) {
  const { db } = ctx;
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
  await enqueueDeliveries(ctx.jobs, [delivery]);
  const attempts = await attemptsOf(db, [delivery.id]);
  return presentDelivery(delivery, attempts.get(delivery.id) ?? []);
}
