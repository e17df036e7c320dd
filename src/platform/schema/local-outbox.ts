import type { ColumnType } from 'kysely';

export interface LocalOutboxTable {
  message_id: string;
  channel: 'email' | 'sms';
  payload: ColumnType<Record<string, unknown>, string, string>;
  deliveries: ColumnType<number, number | undefined, number>;
  first_sent_at: ColumnType<Date, Date | undefined, never>;
  last_sent_at: ColumnType<Date, Date | undefined, Date>;
}
