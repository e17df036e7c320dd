import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { allSendSchedulers } from '../messages/send/schedulers.js';
import type { TenantLimits } from '../platform/schema/index.js';

// Per-tenant limits: rates shape (the send scheduler spaces the tenant's sends), quotas refuse (usage/quotas.ts),
// the API rate refuses each of the tenant's keys past it (api/rate-limit.ts). null is no limit.

const maxRatePerSecond = 100_000;
const maxPerMonth = 1_000_000_000;

const rate = z.int().min(1).max(maxRatePerSecond).nullable();
const quota = z.int().min(0).max(maxPerMonth).nullable();

/** Limits as given to POST/PATCH: every field optional (omitted: unchanged, or the org's default), null = no limit. */
export const tenantLimitsInput = z
  .strictObject({
    email_per_second: rate.optional().meta({ description: 'emails a second the tenant is sent at, at most (shaping: excess waits)' }),
    sms_per_second: rate.optional().meta({ description: 'SMS a second the tenant is sent at, at most (shaping: excess waits)' }),
    email_per_month: quota.optional().meta({ description: 'live emails accepted per calendar month (UTC); past it a send is 429 QUOTA_EXCEEDED' }),
    sms_per_month: quota.optional().meta({ description: 'live SMS accepted per calendar month (UTC); past it a send is 429 QUOTA_EXCEEDED' }),
    api_requests_per_second: rate.optional().meta({ description: 'requests a second each key of the tenant may make; past it 429 RATE_LIMITED' }),
  })
  .meta({ description: 'null = no limit; an omitted field keeps its value (on create: the org default)' });

export type TenantLimitsInput = z.infer<typeof tenantLimitsInput>;

export const noLimits: TenantLimits = {
  email_per_second: null,
  sms_per_second: null,
  email_per_month: null,
  sms_per_month: null,
  api_requests_per_second: null,
};

/** The monthly quota of a channel, by its field name. */
export const quotaField = { email: 'email_per_month', sms: 'sms_per_month' } as const;

/** The rates the send schedulers hold a tenant to, messages a second per channel (null: its fair share only). */
export function sendRates(limits: TenantLimits): { email: number | null; sms: number | null } {
  return { email: limits.email_per_second, sms: limits.sms_per_second };
}

/**
 * The tenants sweep's repair: every send scheduler holds exactly the rates the tenants have (setting them after
 * a change can fail, and a flushed Redis forgets them). Returns how many it corrected.
 */
export async function syncSendRates(ctx: AppContext): Promise<number> {
  const limited = await ctx.db
    .selectFrom('tenants')
    .select(['id', 'limits'])
    .where('status', '!=', 'deleting')
    // Parenthesised: a raw condition joins the others as written, and `or` must not escape the status check.
    .where(sql<boolean>`(limits->>'email_per_second' is not null or limits->>'sms_per_second' is not null)`)
    .execute();
  const wanted = new Map(limited.map((tenant) => [tenant.id, sendRates(tenant.limits)]));
  let corrected = 0;
  for (const { channel, scheduler } of allSendSchedulers(ctx)) {
    const held = await scheduler.tenantRates();
    for (const tenantId of new Set([...wanted.keys(), ...held.keys()])) {
      const perSecond = wanted.get(tenantId)?.[channel] ?? null;
      if ((held.get(tenantId) ?? null) === perSecond) continue;
      await scheduler.setTenantLimits(tenantId, { perSecond });
      corrected++;
    }
  }
  return corrected;
}
