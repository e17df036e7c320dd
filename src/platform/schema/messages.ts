import type { ColumnType } from 'kysely';
import type { KeyEnvironment } from './api-keys.js';

export const messageStatuses = [
  'queued',
  'scheduled',
  'sending',
  'sent',
  'delivered',
  'delivery_delayed',
  'bounced',
  'complained',
  'failed',
  'suppressed',
  'canceled',
] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export type Channel = 'email' | 'sms';
/** A request's one message is a single send, a batch's messages are bulk: a sender's singles go first. */
export type Lane = 'single' | 'bulk';

export interface MessageTable {
  id: string;
  org_id: string;
  tenant_id: string | null;
  key_id: string | null;
  channel: Channel;
  environment: KeyEnvironment;
  status: MessageStatus;
  sender: string;
  recipients: string[];
  subject: string | null;
  domain_id: string | null;
  content: ColumnType<Record<string, unknown>, string, string>;
  /** Set when the retention pass erased the content's bodies, attachments and template variables. */
  content_erased_at: Date | null;
  tags: ColumnType<{ name: string; value: string }[], string, string>;
  scheduled_at: Date | null;
  lane: ColumnType<Lane, Lane | undefined, Lane>;
  /** Send attempts so far. */
  attempts: ColumnType<number, number | undefined, number>;
  /** A scheduled or retried message waits until then; null: ready, it goes when the scheduler grants it. */
  not_before: Date | null;
  claimed_at: Date | null;
  /** The send loop process holding the claim (see dispatcher.ts); its claims outlive it only until its heartbeat expires. */
  claimed_by: string | null;
  handed_over_at: Date | null;
  provider_message_id: string | null;
  last_error: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  sent_at: Date | null;
}
