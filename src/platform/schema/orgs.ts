import type { ColumnType } from 'kysely';
import type { TenantLimits } from './tenants.js';

export interface OrgTable {
  id: string;
  name: string;
  /** The limits a tenant created from now on starts with. */
  default_tenant_limits: ColumnType<TenantLimits, string | undefined, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
}
