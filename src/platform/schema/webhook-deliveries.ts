import type { ColumnType } from 'kysely';
import type { EventType } from '../event-types.js';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface WebhookDeliveryTable {
  id: string;
  org_id: string;
  tenant_id: string | null;
  endpoint_id: string;
  event_id: string;
  event_type: EventType;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  job_id: string;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}
