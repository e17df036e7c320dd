import type { ColumnType } from 'kysely';

export interface WebhookAttemptTable {
  delivery_id: string;
  attempt: number;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  next_attempt_at: Date | null;
  attempted_at: ColumnType<Date, Date | undefined, never>;
}
