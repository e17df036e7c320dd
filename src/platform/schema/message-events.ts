import type { ColumnType } from 'kysely';

export type MessageEventType =
  | 'queued'
  | 'scheduled'
  | 'sent'
  | 'delivered'
  | 'delivery_delayed'
  | 'bounced'
  | 'complained'
  | 'opened'
  | 'clicked'
  | 'failed'
  | 'suppressed'
  | 'canceled';

export interface MessageEventTable {
  id: string;
  message_id: string;
  org_id: string;
  tenant_id: string | null;
  type: MessageEventType;
  recipient: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
  dedupe_key: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}
