import type { KeyEnvironment } from './api-keys.js';

export type UsageChannel = 'email' | 'sms';

export interface UsageCounterTable {
  org_id: string;
  tenant_id: string | null;
  key_id: string | null;
  channel: UsageChannel;
  environment: KeyEnvironment;
  /** UTC month, YYYY-MM. */
  period: string;
  count: number;
}
