import { sql, type Kysely } from 'kysely';

// No foreign keys to tenants, like messages: rows are written by workers (bounces) and by every
// send (usage), and the tenant cascade deletes them by tenant_id before the tenant row.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('suppressions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    // null: org-wide, applies to every tenant of the org.
    .addColumn('tenant_id', 'text')
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) =>
      col.notNull().check(sql`reason in ('bounce', 'complaint', 'manual', 'unsubscribe')`),
    )
    .addColumn('source', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    // Address before tenant: the send path looks up (org, addresses) and keeps the tenant's and org-wide rows.
    .addUniqueConstraint('suppressions_org_address_tenant_unique', ['org_id', 'address', 'tenant_id'], (constraint) =>
      constraint.nullsNotDistinct(),
    )
    .execute();
  await db.schema.createIndex('suppressions_org_id').on('suppressions').columns(['org_id', 'id']).execute();
  await db.schema.createIndex('suppressions_tenant_id').on('suppressions').columns(['tenant_id', 'id']).execute();

  await db.schema
    .createTable('usage_counters')
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('tenant_id', 'text')
    .addColumn('key_id', 'text')
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel in ('email', 'sms')`))
    .addColumn('environment', 'text', (col) => col.notNull().check(sql`environment in ('live', 'test')`))
    .addColumn('period', 'text', (col) => col.notNull().check(sql`period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    .addColumn('count', 'bigint', (col) => col.notNull())
    // Period second: usage reads are per org (and tenant) and period.
    .addUniqueConstraint(
      'usage_counters_unique',
      ['org_id', 'period', 'tenant_id', 'key_id', 'channel', 'environment'],
      (constraint) => constraint.nullsNotDistinct(),
    )
    // Every send updates a counter row: free space on the page keeps those updates HOT (no index writes).
    .modifyEnd(sql`with (fillfactor = 70)`)
    .execute();
  await db.schema.createIndex('usage_counters_tenant_id').on('usage_counters').column('tenant_id').execute();
}
