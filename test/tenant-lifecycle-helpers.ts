import { sql } from 'kysely';
import { db } from './helpers.js';

/** Every table with a tenant_id column (webhook_attempts go with their deliveries, local_outbox with messages). */
export const tenantTables = [
  'api_keys',
  'domains',
  'test_inboxes',
  'webhook_endpoints',
  'webhook_events',
  'webhook_deliveries',
  'messages',
  'message_events',
  'suppressions',
  'usage_counters',
  'quota_counters',
  'idempotency_records',
  'templates',
  'audiences',
  'contacts',
  'contact_imports',
] as const;

/** Rows per tenant table for one tenant. */
export async function rowCounts(tenantId: string): Promise<Record<(typeof tenantTables)[number], number>> {
  const counts = {} as Record<(typeof tenantTables)[number], number>;
  for (const table of tenantTables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where tenant_id = ${tenantId}`.execute(db);
    counts[table] = rows[0]?.n ?? 0;
  }
  return counts;
}

export const isEmpty = (counts: object) => Object.values(counts).every((count) => count === 0);
