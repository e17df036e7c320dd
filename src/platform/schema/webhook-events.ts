import type { ColumnType } from 'kysely';
import type { EventType } from '../event-types.js';

export interface WebhookEventTable {
  id: string;
  org_id: string;
  tenant_id: string | null;
  type: EventType;
  /** The exact JSON every attempt sends and signs. */
  body: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}
