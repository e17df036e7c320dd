import { createHash } from 'node:crypto';

/** Every event type Sendoka emits to webhook endpoints. */
export const eventTypes = [
  'message.queued',
  'message.scheduled',
  'message.sent',
  'message.delivered',
  'message.delivery_delayed',
  'message.bounced',
  'message.complained',
  'message.opened',
  'message.clicked',
  'message.failed',
  'message.suppressed',
  'message.canceled',
  'domain.verified',
  'domain.failed',
  'tenant.suspended',
  'tenant.reactivated',
  'tenant.deleted',
  'tenant.quota_warning',
  'tenant.quota_exceeded',
  'webhook.test',
  'webhook.endpoint_disabled',
] as const;

export type EventType = (typeof eventTypes)[number];

/**
 * An event for webhook fan-out. `id` (evt_…) must be deterministic for the fact it reports, so a
 * retried job that publishes the same fact again is recognised as a duplicate.
 */
export interface PlatformEvent {
  id: string;
  type: EventType;
  orgId: string;
  /** null for org-level events: they go only to endpoints without a tenant. */
  tenantId: string | null;
  createdAt: Date;
  data: Record<string, unknown>;
}

/**
 * A status transition's own publisher normally publishes its event within this; a periodic republisher only
 * takes over older owed events, so the two do not both publish one (receivers would see it once anyway).
 */
export const statusEventGraceMs = 30_000;

const crockford = '0123456789abcdefghjkmnpqrstvwxyz';

/** A stable `evt_…` id for a fact, e.g. `domain.verified:dom_…`: publishing the same fact twice yields the same id. */
export function deterministicEventId(fact: string): string {
  const digest = createHash('sha256').update(fact).digest();
  let id = '';
  for (let index = 0; index < 26; index++) id += crockford[(digest[index] ?? 0) % 32];
  return `evt_${id}`;
}
