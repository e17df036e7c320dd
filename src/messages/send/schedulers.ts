import type { AppContext } from '../../context.js';
import { contextCache } from '../../context.js';
import type { Channel, KeyEnvironment, Lane } from '../../platform/schema/index.js';
import { type FairScheduler, fairScheduler, type Grant } from './fair-scheduler.js';

// The send schedulers of a context: one per channel and environment, so test sends never take the provider's
// rate and each channel has its own. Redis keeps only per-sender counts; Postgres keeps the messages.

export const channels: readonly Channel[] = ['email', 'sms'];
export const environments: readonly KeyEnvironment[] = ['live', 'test'];

/**
 * Who a message is fair against: its tenant, or its org for an org's own (tenant-less) sends. Unique across
 * orgs: tenant and org ids are distinct prefixed ids.
 */
export const senderOf = (message: { tenant_id: string | null; org_id: string }) => message.tenant_id ?? message.org_id;

const schedulerSet = contextCache((ctx) => {
  const build = (channel: Channel, environment: KeyEnvironment) =>
    fairScheduler({
      redis: ctx.jobs.producerConnection(),
      // A hash tag per scheduler: its scripts touch keys they do not declare, which Redis Cluster needs in one slot.
      prefix: `${ctx.config.QUEUE_PREFIX}:{send-${channel}-${environment}}`,
      // The live SMS rate is configured; the live email rate is the provider's, set once the dispatcher has asked.
      ratePerSecond: environment === 'live' && channel === 'sms' ? ctx.config.SNS_MAX_SEND_RATE : null,
      // A quarter of a second's worth at once at most: the provider counts per second, and a full second's
      // burst on top of the steady rate would exceed it (SES answers that with throttling).
      burstSeconds: 0.25,
    });
  return {
    email: { live: build('email', 'live'), test: build('email', 'test') },
    sms: { live: build('sms', 'live'), test: build('sms', 'test') },
  } satisfies Record<Channel, Record<KeyEnvironment, FairScheduler>>;
});

export function sendScheduler(ctx: AppContext, channel: Channel, environment: KeyEnvironment): FairScheduler {
  return schedulerSet(ctx)[channel][environment];
}

/** Every scheduler of the context, with its channel and environment. */
export const allSendSchedulers = (ctx: AppContext) =>
  channels.flatMap((channel) => environments.map((environment) => ({ channel, environment, scheduler: sendScheduler(ctx, channel, environment) })));

interface ReadyMessage {
  org_id: string;
  tenant_id: string | null;
  channel: Channel;
  environment: KeyEnvironment;
  lane: Lane;
}

/** Tells the schedulers these committed messages are ready to send: one round trip per scheduler they touch. */
export async function markReady(ctx: AppContext, messages: readonly ReadyMessage[]): Promise<void> {
  await forEachScheduler(ctx, messages, (scheduler, entries) => scheduler.markReadyMany(entries));
}

/** The reconciler's and a release's correction: each count becomes at least what Postgres holds. */
export async function ensureReady(ctx: AppContext, counts: readonly (ReadyMessage & { count: number })[]): Promise<void> {
  await forEachScheduler(ctx, counts, (scheduler, entries) => scheduler.ensureReady(entries));
}

/**
 * Holds a tenant to its own rates (messages a second per channel; null: only its fair share of the provider's),
 * in both environments, so a test key rehearses what live sending will do.
 */
export async function applySendRates(ctx: AppContext, tenantId: string, rates: Record<Channel, number | null>): Promise<void> {
  await Promise.all(allSendSchedulers(ctx).map(({ channel, scheduler }) => scheduler.setTenantLimits(tenantId, { perSecond: rates[channel] })));
}

/** A suspended or deleted sender's messages are granted no more; `ensureReady` brings them back on release. */
export async function dropSender(ctx: AppContext, sender: string): Promise<void> {
  await Promise.all(allSendSchedulers(ctx).map(({ scheduler }) => scheduler.drop(sender)));
}

/** Applies per scheduler the (sender, lane) counts of the messages: one call for each scheduler they touch. */
async function forEachScheduler(
  ctx: AppContext,
  messages: readonly (ReadyMessage & { count?: number })[],
  apply: (scheduler: FairScheduler, entries: Grant[]) => Promise<unknown>,
) {
  const perScheduler = new Map<FairScheduler, Map<string, Grant>>();
  for (const message of messages) {
    const scheduler = sendScheduler(ctx, message.channel, message.environment);
    const entries = perScheduler.get(scheduler) ?? new Map<string, Grant>();
    perScheduler.set(scheduler, entries);
    const sender = senderOf(message);
    const key = `${sender}/${message.lane}`;
    const entry = entries.get(key);
    if (entry) entry.count += message.count ?? 1;
    else entries.set(key, { tenantId: sender, lane: message.lane, count: message.count ?? 1 });
  }
  await Promise.all([...perScheduler].map(([scheduler, entries]) => apply(scheduler, [...entries.values()])));
}

/** Every scheduler's waiting senders, for the metrics. */
export async function schedulerStats(ctx: AppContext) {
  return Promise.all(allSendSchedulers(ctx).map(async ({ channel, environment, scheduler }) => ({ channel, environment, ...(await scheduler.stats()) })));
}
