import { sql } from 'kysely';
import type { Principal } from '../access/principal.js';
import { type AppContext, contextCache } from '../context.js';
import type { Db } from '../platform/db.js';
import { ApiError } from '../platform/errors.js';
import { batched } from '../platform/batched.js';
import { deterministicEventId, type EventType } from '../platform/event-types.js';
import { groupBy } from '../platform/group-by.js';
import { periodOf } from '../platform/limits.js';
import type { KeyEnvironment, TenantLimits, UsageChannel } from '../platform/schema/index.js';
import { quotaField } from '../tenants/limits.js';
import { publishEvents } from '../webhooks/fan-out.js';

// Monthly quotas: a send reserves its messages in the tenant's counter (quota_counters) before they commit, in one
// statement that adds them only while `used + n <= quota`, so concurrent sends never overshoot; a failed commit
// gives them back. A counter starts from the month's committed live usage, so a quota set mid-month counts what
// was sent before it. A reservation whose commit never finishes (the process died in between) stays counted:
// the tenant loses those few messages of its quota rather than ever exceeding it.

/** The share of a quota past which tenant.quota_warning is published. */
const warningShare = 0.8;

const channelNoun = { email: 'emails', sms: 'SMS' } as const;

/** A message as far as quotas care. */
interface Counted {
  tenant_id: string | null;
  channel: UsageChannel;
  environment: KeyEnvironment;
}

interface Claim {
  tenantId: string;
  channel: UsageChannel;
  count: number;
}

interface Reserved extends Claim {
  orgId: string;
  period: string;
  quota: number;
  used: number;
  warningPublished: boolean;
}

interface ClaimResult {
  org_id: string;
  quota: number | null;
  reserved_used: number | null;
  warning_published: boolean | null;
  /** What the counter held (or, without one yet, the month's committed usage). */
  existing_used: number;
  exceeded_published: boolean | null;
}

/** The month's live messages of a tenant and channel already committed: where a new counter starts. */
const committedUsage = (orgId: unknown, claim: Omit<Claim, 'count'>, period: string) => sql<number>`(
  select coalesce(sum(count), 0)::bigint from usage_counters
  where org_id = ${orgId} and period = ${period} and tenant_id = ${claim.tenantId} and channel = ${claim.channel}
    and environment = 'live')`;

/**
 * Reserves `count` messages of the tenant's quota for the channel if they fit, in one statement. Answers the
 * quota (null: none) and, when they did not fit, what the counter held.
 *
 * The statement commits without waiting for its WAL flush (synchronous_commit off, for this transaction only):
 * sends of one tenant queue on the counter's row lock, and each would otherwise hold it for a disk flush. That
 * costs no durability that matters: the messages commit later with a flush, which writes the WAL up to their
 * commit, this reservation's included; a crash before it loses the reservation and the messages alike.
 */
async function claimQuota(db: Db, claim: Claim, period: string): Promise<ClaimResult | undefined> {
  const field = quotaField[claim.channel];
  const { rows } = await sql<ClaimResult>`
    with async_commit as (
      select set_config('synchronous_commit', 'off', true)
    ), tenant as (
      select org_id, (limits ->> ${field})::bigint as quota from tenants, async_commit where id = ${claim.tenantId}
    ), existing as (
      select used, exceeded_published from quota_counters
      where tenant_id = ${claim.tenantId} and channel = ${claim.channel} and period = ${period}
    ), reserved as (
      insert into quota_counters as counter (tenant_id, channel, period, org_id, used)
      select ${claim.tenantId}, ${claim.channel}, ${period}, tenant.org_id, start.used + ${claim.count}
      from tenant, lateral (select coalesce((select used from existing), ${committedUsage(sql`tenant.org_id`, claim, period)}) as used) start
      where tenant.quota is not null and (exists (select from existing) or start.used + ${claim.count} <= tenant.quota)
      -- The row another send holds is re-read once it commits: the check is always against the latest count.
      on conflict (tenant_id, channel, period) do update set used = counter.used + ${claim.count}
        where counter.used + ${claim.count} <= (select quota from tenant)
      returning used, warning_published
    )
    select tenant.org_id, tenant.quota, reserved.used as reserved_used, reserved.warning_published,
      -- Without a counter yet, what counts is the month's committed usage (where a new counter starts).
      coalesce(existing.used, ${committedUsage(sql`tenant.org_id`, claim, period)}) as existing_used, existing.exceeded_published
    from tenant left join reserved on true left join existing on true`.execute(db);
  return rows[0];
}

/**
 * Claims on one counter made in the same turn of the event loop (concurrent sends of a tenant), reserved together:
 * one statement for all when they fit, as they do until the quota is nearly used; otherwise one by one in the
 * order they came, so each is accepted exactly when it fits.
 */
async function claimTogether(db: Db, claims: readonly Claim[], period: string): Promise<(ClaimResult | undefined)[]> {
  const total = claims.reduce((sum, claim) => sum + claim.count, 0);
  const together = await claimQuota(db, { ...(claims[0] as Claim), count: total }, period);
  if (claims.length === 1 || !together || together.quota === null || together.reserved_used !== null) {
    // Each is answered with the count as it stood after its own messages.
    let before = (together?.reserved_used ?? total) - total;
    return claims.map((claim) => {
      before += claim.count;
      return together && together.reserved_used !== null ? { ...together, reserved_used: before } : together;
    });
  }
  const results: (ClaimResult | undefined)[] = [];
  for (const claim of claims) results.push(await claimQuota(db, claim, period));
  return results;
}

const claimBatchers = contextCache(({ db }) =>
  batched(async (asked: { claim: Claim; period: string }[]) => {
    const answers = new Map<{ claim: Claim; period: string }, ClaimResult | undefined>();
    const byCounter = groupBy(asked, ({ claim, period }) => `${claim.tenantId}:${claim.channel}:${period}`);
    await Promise.all(
      [...byCounter.values()].map(async (group) => {
        const results = await claimTogether(db, group.map((entry) => entry.claim), (group[0] as { period: string }).period);
        group.forEach((entry, index) => answers.set(entry, results[index]));
      }),
    );
    return asked.map((entry) => answers.get(entry));
  }),
);

async function releaseQuota(db: Db, reserved: Reserved): Promise<void> {
  await db
    .updateTable('quota_counters')
    .set({ used: sql`greatest(used - ${reserved.count}, 0)` })
    .where('tenant_id', '=', reserved.tenantId)
    .where('channel', '=', reserved.channel)
    .where('period', '=', reserved.period)
    .execute();
}

/** The live messages of a send that count against a tenant's quota, by tenant and channel. */
function claimsOf(principal: Principal, messages: Counted[]): Claim[] {
  const claims = new Map<string, Claim>();
  for (const message of messages) {
    // Test sends never count, and a root key's own sends (no tenant) have no quota.
    if (message.environment !== 'live' || message.tenant_id === null) continue;
    // The key's own tenant has its limits cached with the key: without a quota there is nothing to reserve.
    if (message.tenant_id === principal.tenantId && principal.limits?.[quotaField[message.channel]] === null) continue;
    const key = `${message.tenant_id}:${message.channel}`;
    const claim = claims.get(key) ?? { tenantId: message.tenant_id, channel: message.channel, count: 0 };
    claim.count++;
    claims.set(key, claim);
  }
  return [...claims.values()];
}

interface QuotaReservation {
  /** The messages' commit failed: gives back what was reserved. */
  release(): Promise<void>;
  /** The messages committed: publishes tenant.quota_warning for a quota they took past 80 %. */
  committed(): Promise<void>;
}

const nothingReserved: QuotaReservation = { release: async () => undefined, committed: async () => undefined };

/**
 * Reserves the send's live messages from their tenants' monthly quotas before they are committed: all or none.
 * Past a quota, 429 QUOTA_EXCEEDED naming it and its period (and tenant.quota_exceeded, the first time).
 */
async function reserveQuotas(ctx: AppContext, principal: Principal, messages: Counted[]): Promise<QuotaReservation> {
  const claims = claimsOf(principal, messages);
  if (claims.length === 0) return nothingReserved;
  const now = ctx.clock();
  const period = periodOf(now);
  const reserved: Reserved[] = [];
  const release = async () => {
    for (const item of reserved) {
      await releaseQuota(ctx.db, item).catch((error: unknown) =>
        ctx.logger.error({ err: error, tenantId: item.tenantId }, 'releasing a quota reservation failed; the tenant loses it this month'),
      );
    }
  };
  for (const claim of claims) {
    let result: ClaimResult | undefined;
    try {
      result = await claimBatchers(ctx)({ claim, period });
    } catch (error) {
      await release();
      throw error;
    }
    // No such tenant any more, or no quota on this channel.
    if (!result || result.quota === null) continue;
    if (result.reserved_used === null) {
      await release();
      await publishExceeded(ctx, claim, period, result);
      throw quotaExceeded(claim, period, result.quota, result.existing_used, now);
    }
    reserved.push({
      ...claim,
      orgId: result.org_id,
      period,
      quota: result.quota,
      used: result.reserved_used,
      warningPublished: result.warning_published ?? false,
    });
  }
  return {
    release,
    async committed() {
      for (const item of reserved) {
        if (item.warningPublished || item.used < Math.ceil(item.quota * warningShare)) continue;
        await publishQuotaEvent(ctx, 'tenant.quota_warning', item).catch((error: unknown) =>
          ctx.logger.error({ err: error, tenantId: item.tenantId }, 'publishing tenant.quota_warning failed; the next send retries'),
        );
      }
    },
  };
}

/**
 * Runs `commit` (the messages' commit) inside the tenants' monthly quotas: reserved before it, for all of the
 * messages or none, given back if it fails, and the 80 % warning published after it.
 */
export async function withinQuotas<T>(ctx: AppContext, principal: Principal, messages: Counted[], commit: () => Promise<T>): Promise<T> {
  const quota = await reserveQuotas(ctx, principal, messages);
  let result: T;
  try {
    result = await commit();
  } catch (error) {
    await quota.release();
    throw error;
  }
  await quota.committed();
  return result;
}

function nextPeriodStart(period: string): Date {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 1));
}

function quotaExceeded(claim: Claim, period: string, quota: number, used: number, now: Date): ApiError {
  const field = quotaField[claim.channel];
  const remaining = Math.max(0, quota - used);
  const resetsAt = nextPeriodStart(period);
  const retryAfter = Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000));
  return new ApiError(
    429,
    'rate_limit_error',
    'QUOTA_EXCEEDED',
    `the tenant's ${field} quota of ${quota} for ${period} (UTC) would be exceeded: ${remaining} ${channelNoun[claim.channel]} left, ` +
      `this request has ${claim.count}; it renews at ${resetsAt.toISOString()}`,
    { 'Retry-After': String(retryAfter) },
  );
}

/** The first refused send of the period tells the org; a failure to tell it leaves the next refusal to try again. */
async function publishExceeded(ctx: AppContext, claim: Claim, period: string, result: ClaimResult) {
  if (result.exceeded_published) return;
  const quota = result.quota ?? 0;
  await publishQuotaEvent(ctx, 'tenant.quota_exceeded', { ...claim, orgId: result.org_id, period, quota, used: result.existing_used }).catch((error: unknown) =>
    ctx.logger.error({ err: error, tenantId: claim.tenantId }, 'publishing tenant.quota_exceeded failed; the next refused send retries'),
  );
}

/**
 * Publishes a quota event to the org-wide endpoints and marks it published. Its id stands for the tenant, channel,
 * period and type, so sends that race to publish it (or a retry) yield one event.
 */
async function publishQuotaEvent(
  ctx: AppContext,
  type: Extract<EventType, 'tenant.quota_warning' | 'tenant.quota_exceeded'>,
  at: Claim & { orgId: string; period: string; quota: number; used: number },
): Promise<void> {
  await publishEvents(ctx, [
    {
      id: deterministicEventId(`${type}:${at.tenantId}:${at.channel}:${at.period}`),
      type,
      orgId: at.orgId,
      tenantId: null,
      createdAt: new Date(),
      data: {
        tenant_id: at.tenantId,
        channel: at.channel,
        limit: quotaField[at.channel],
        period: at.period,
        quota: at.quota,
        used: Math.min(at.used, at.quota),
        remaining: Math.max(0, at.quota - at.used),
      },
    },
  ]);
  const flag = type === 'tenant.quota_warning' ? 'warning_published' : 'exceeded_published';
  // The counter may not exist yet (a first send larger than the whole quota): it starts as a reservation would.
  await sql`
    insert into quota_counters (tenant_id, channel, period, org_id, used, ${sql.ref(flag)})
    values (${at.tenantId}, ${at.channel}, ${at.period}, ${at.orgId}, ${committedUsage(at.orgId, at, at.period)}, true)
    on conflict (tenant_id, channel, period) do update set ${sql.ref(flag)} = true`.execute(ctx.db);
}

/**
 * A quota set where there was none counts afresh from the month's committed usage: while the tenant had no
 * quota, its sends reserved nothing. (Sends in flight at that moment may go uncounted: a handful at most.)
 */
export async function restartQuotaCounts(db: Db, tenantId: string, channels: UsageChannel[], at: Date): Promise<void> {
  if (channels.length === 0) return;
  await db
    .deleteFrom('quota_counters')
    .where('tenant_id', '=', tenantId)
    .where('channel', 'in', channels)
    .where('period', '=', periodOf(at))
    .execute();
}

export interface QuotaStatus {
  /** null: no quota. */
  limit: number | null;
  /** What is left of it this period; null without a quota. */
  remaining: number | null;
}

/**
 * Each tenant's monthly quotas in a period: its limit and what is left, counting reservations (what a send is
 * checked against) where a counter exists and the committed live usage (`liveUsage`, by tenant and channel) where
 * none does.
 */
export async function quotaStatuses(
  db: Db,
  tenants: { id: string; limits: TenantLimits }[],
  period: string,
  liveUsage: (tenantId: string, channel: UsageChannel) => number,
): Promise<Map<string, Record<'email_per_month' | 'sms_per_month', QuotaStatus>>> {
  const limited = tenants.filter((tenant) => tenant.limits.email_per_month !== null || tenant.limits.sms_per_month !== null);
  const counters =
    limited.length === 0
      ? []
      : await db
          .selectFrom('quota_counters')
          .select(['tenant_id', 'channel', 'used'])
          .where('tenant_id', 'in', limited.map((tenant) => tenant.id))
          .where('period', '=', period)
          .execute();
  const reserved = new Map(counters.map((counter) => [`${counter.tenant_id}:${counter.channel}`, counter.used]));
  const status = (tenant: { id: string; limits: TenantLimits }, channel: UsageChannel): QuotaStatus => {
    const limit = tenant.limits[quotaField[channel]];
    if (limit === null) return { limit, remaining: null };
    const used = reserved.get(`${tenant.id}:${channel}`) ?? liveUsage(tenant.id, channel);
    return { limit, remaining: Math.max(0, limit - used) };
  };
  return new Map(
    tenants.map((tenant) => [tenant.id, { email_per_month: status(tenant, 'email'), sms_per_month: status(tenant, 'sms') }]),
  );
}
