import type { ColumnType, Selectable } from 'kysely';
import type { KeyEnvironment } from './api-keys.js';

export const suppressionReasons = ['bounce', 'complaint', 'manual', 'unsubscribe'] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

export interface SuppressionTable {
  id: string;
  org_id: string;
  /** null: org-wide, applies to every tenant of the org. */
  tenant_id: string | null;
  /** Which sends it filters: a live suppression live ones, a test suppression test ones. */
  environment: KeyEnvironment;
  /** A lower-cased email address or an E.164 phone number. */
  address: string;
  reason: SuppressionReason;
  source: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export type Suppression = Selectable<SuppressionTable>;
