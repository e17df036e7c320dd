import type { ColumnType } from 'kysely';
import type { UsageChannel } from './usage-counters.js';

/** What a tenant has reserved of a monthly quota (usage/quotas.ts). */
export interface QuotaCounterTable {
  tenant_id: string;
  channel: UsageChannel;
  /** UTC month, YYYY-MM. */
  period: string;
  org_id: string;
  used: number;
  /** tenant.quota_warning (80 %) and tenant.quota_exceeded were published for this period. */
  warning_published: ColumnType<boolean, boolean | undefined, boolean>;
  exceeded_published: ColumnType<boolean, boolean | undefined, boolean>;
}
