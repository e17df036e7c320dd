import type { Selectable } from 'kysely';
import { z } from 'zod';
import { assertTenantUsable, visibleTo } from '../access/tenant-scope.js';
import { type Db, transaction } from '../platform/db.js';
import type { PreviousSecret, WebhookEndpointTable } from '../platform/schema/index.js';
import { ApiError, invalid, notFound } from '../platform/errors.js';
import { type EventType, eventTypes, type PlatformEvent } from '../platform/event-types.js';
import { newId } from '../platform/ids.js';
import { assertMayChange, environmentVisibleTo } from '../access/object-environment.js';
import { fetchPage, type PageQuery, pageQuery } from '../platform/pagination.js';
import { actingTenantId, type Principal } from '../access/principal.js';
import { forgetRoutes, stageDeliveries } from './fan-out.js';
import { newWebhookSecret } from './signing.js';
import { endpointUrlProblem, type UrlPolicy } from './url-policy.js';
import type { AppContext } from '../context.js';

// Webhook endpoints: create, read, change, delete, rotate the secret, send a test event.

type Endpoint = Selectable<WebhookEndpointTable>;

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

export async function findEndpoint(db: Db, principal: Principal, endpointId: string): Promise<Endpoint> {
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

export async function createEndpoint(ctx: AppContext, principal: Principal,
  input: z.infer<typeof createEndpointInput>,
  policy: UrlPolicy,
) {
  const { db } = ctx;
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
  forgetRoutes(ctx, endpoint);
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

export async function updateEndpoint(ctx: AppContext, principal: Principal,
  endpointId: string,
  input: z.infer<typeof updateEndpointInput>,
  policy: UrlPolicy,
) {
  const { db } = ctx;
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
  forgetRoutes(ctx, endpoint);
  return presentEndpoint(endpoint);
}

export async function deleteEndpoint(ctx: AppContext, principal: Principal, endpointId: string) {
  const { db } = ctx;
  const endpoint = await findEndpointToChange(db, principal, endpointId);
  // Its deliveries and their attempt log go with it (foreign keys cascade).
  await db.deleteFrom('webhook_endpoints').where('org_id', '=', principal.orgId).where('id', '=', endpoint.id).execute();
  forgetRoutes(ctx, endpoint);
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
  return transaction(db, async (trx) => {
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

/** Sends a `webhook.test` event to one endpoint, whatever its event filter. */
export async function sendTestEvent(ctx: AppContext, principal: Principal, endpointId: string) {
  const { db } = ctx;
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
  const deliveries = await stageDeliveries(ctx, [{ event, endpointId: endpoint.id }]);
  return { event_id: event.id, delivery_id: deliveries[0]?.id ?? null };
}

