import type { ColumnType } from 'kysely';
import type { EventType } from '../event-types.js';
import type { KeyEnvironment } from './api-keys.js';

export type DisabledReason = 'manual' | 'gone' | 'failing';

/** A secret replaced by a rotation, still signing until `expires_at` (ISO 8601). */
export interface PreviousSecret {
  secret: string;
  expires_at: string;
}

export interface WebhookEndpointTable {
  id: string;
  org_id: string;
  tenant_id: string | null;
  /** Which events it hears: a live endpoint live ones, a test endpoint test ones. */
  environment: KeyEnvironment;
  url: string;
  description: string | null;
  events: EventType[];
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  disabled_reason: DisabledReason | null;
  disabled_at: Date | null;
  secret: string;
  /** Newest first; expired ones are dropped at the next rotation and never sign. */
  previous_secrets: ColumnType<PreviousSecret[], string | undefined, string>;
  failing_since: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
