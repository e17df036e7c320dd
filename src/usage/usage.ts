import { sql } from 'kysely';
import { z } from 'zod';
import { assertTenantUsable } from '../access/tenant-scope.js';
import type { Db } from '../platform/db.js';
import type { KeyEnvironment, UsageChannel } from '../platform/schema/index.js';
import { notFound } from '../platform/errors.js';
import { periodOf, usagePeriods } from '../platform/limits.js';
import type { Principal } from '../access/principal.js';
import { quotaStatuses } from './quotas.js';

export interface UsageIncrement {
  orgId: string;
  tenantId: string | null;
  keyId: string | null;
  channel: UsageChannel;
  environment: KeyEnvironment;
  count: number;
  at: Date;
}

/**
 * Adds to the usage counters in one statement. Callers run it inside the transaction that
 * records what is counted, so each message is counted exactly once. Equal counters are summed
 * first and rows are upserted in one order for every caller, so concurrent batches touching the
 * same counters wait on each other instead of deadlocking.
 */
export async function incrementUsage(db: Db, increments: UsageIncrement[]): Promise<void> {
  const upsert = usageUpsert(increments);
  if (upsert) await upsert.execute(db);
}

/**
 * The statement behind incrementUsage, for callers that fold it into a larger statement (the message
 * writer's single-statement commit); undefined when there is nothing to count.
 */
export function usageUpsert(increments: UsageIncrement[]) {
  const totals = new Map<string, number>();
  for (const increment of increments) {
    if (increment.count === 0) continue;
    const counter = JSON.stringify([
      increment.orgId,
      periodOf(increment.at),
      increment.tenantId,
      increment.keyId,
      increment.channel,
      increment.environment,
    ]);
    totals.set(counter, (totals.get(counter) ?? 0) + increment.count);
  }
  if (totals.size === 0) return undefined;

  // Sorted keys: the order rows are upserted in, the same for every caller.
  const counters = [...totals.keys()]
    .sort()
    .map((counter) => [...(JSON.parse(counter) as (string | null)[]), totals.get(counter)]);
  const column = (index: number) => counters.map((counter) => counter[index]);
  return sql`
    insert into usage_counters (org_id, period, tenant_id, key_id, channel, environment, count)
    select org_id, period, tenant_id, key_id, channel, environment, count
    from unnest(
      ${column(0)}::text[], ${column(1)}::text[], ${column(2)}::text[], ${column(3)}::text[],
      ${column(4)}::text[], ${column(5)}::text[], ${column(6)}::bigint[]
    ) with ordinality as increment(org_id, period, tenant_id, key_id, channel, environment, count, position)
    order by position
    on conflict on constraint usage_counters_unique do update set count = usage_counters.count + excluded.count
  `;
}

const periodRule = `must be a month from ${usagePeriods.first} to ${usagePeriods.last}, as YYYY-MM`;

export const usageQuery = z.strictObject({
  period: z
    .string()
    // abort: a malformed period is not also out of range.
    .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, { error: periodRule, abort: true })
    .refine((period) => period >= usagePeriods.first && period <= usagePeriods.last, periodRule)
    .meta({ description: `a UTC month, ${usagePeriods.first} to ${usagePeriods.last}; the current one by default` })
    .default(() => periodOf(new Date())),
});

interface UsageTotals {
  email_live: number;
  email_test: number;
  sms_live: number;
  sms_test: number;
}

const emptyTotals = (): UsageTotals => ({ email_live: 0, email_test: 0, sms_live: 0, sms_test: 0 });

function usageRows(db: Db, orgId: string, period: string) {
  return db
    .selectFrom('usage_counters')
    .select(['tenant_id', 'channel', 'environment', sql<number>`sum(count)::bigint`.as('count')])
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .groupBy(['tenant_id', 'channel', 'environment']);
}

/** One tenant's usage in a month, with its quotas' limits and what is left; tenant-bound keys may read only their own tenant. */
export async function tenantUsage(db: Db, principal: Principal, tenantId: string, period: string) {
  if (principal.tenantId !== null && principal.tenantId !== tenantId) throw notFound('tenant', tenantId);
  const tenant = await assertTenantUsable(db, principal.orgId, tenantId);
  const rows = await usageRows(db, principal.orgId, period).where('tenant_id', '=', tenantId).execute();
  const totals = emptyTotals();
  for (const row of rows) totals[`${row.channel}_${row.environment}` as const] += row.count;
  const quotas = await quotaStatuses(db, [tenant], period, (_tenantId, channel) => totals[`${channel}_live`]);
  return { tenant_id: tenantId, period, ...totals, quotas: quotas.get(tenantId) };
}

/**
 * The org's usage in a month, with one entry per tenant that had usage (sends made by root keys
 * count in the totals only). A tenant-bound key sees its own tenant as the whole org.
 */
export async function orgUsage(db: Db, principal: Principal, period: string) {
  let select = usageRows(db, principal.orgId, period);
  if (principal.tenantId !== null) select = select.where('tenant_id', '=', principal.tenantId);
  const rows = await select.orderBy('tenant_id').execute();
  const totals = emptyTotals();
  const tenants = new Map<string, UsageTotals>();
  for (const row of rows) {
    const column = `${row.channel}_${row.environment}` as const;
    totals[column] += row.count;
    if (row.tenant_id === null) continue;
    const tenant = tenants.get(row.tenant_id) ?? emptyTotals();
    tenant[column] += row.count;
    tenants.set(row.tenant_id, tenant);
  }
  const limits =
    tenants.size === 0
      ? []
      : await db.selectFrom('tenants').select(['id', 'limits']).where('org_id', '=', principal.orgId).where('id', 'in', [...tenants.keys()]).execute();
  const quotas = await quotaStatuses(db, limits, period, (tenantId, channel) => tenants.get(tenantId)?.[`${channel}_live`] ?? 0);
  return {
    period,
    ...totals,
    tenants: [...tenants].map(([tenantId, tenantTotals]) => ({ tenant_id: tenantId, ...tenantTotals, quotas: quotas.get(tenantId) ?? null })),
  };
}
