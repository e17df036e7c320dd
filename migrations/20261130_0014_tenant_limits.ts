import { type Kysely, sql } from 'kysely';

const noLimits = sql`'{"email_per_second":null,"sms_per_second":null,"email_per_month":null,"sms_per_month":null,"api_requests_per_second":null}'::jsonb`;

export async function up(db: Kysely<any>): Promise<void> {
  // Limits the platform sets per tenant (null: none), and the org's defaults for tenants it creates next.
  await db.schema.alterTable('tenants').addColumn('limits', 'jsonb', (col) => col.notNull().defaultTo(noLimits)).execute();
  await db.schema.alterTable('orgs').addColumn('default_tenant_limits', 'jsonb', (col) => col.notNull().defaultTo(noLimits)).execute();

  // What each tenant has reserved of a monthly quota: taken before its messages commit, so concurrent sends
  // cannot overshoot. No foreign key, like usage_counters: the tenant cascade deletes these by tenant_id.
  await db.schema
    .createTable('quota_counters')
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel in ('email', 'sms')`))
    .addColumn('period', 'text', (col) => col.notNull().check(sql`period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('used', 'bigint', (col) => col.notNull().check(sql`used >= 0`))
    .addColumn('warning_published', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('exceeded_published', 'boolean', (col) => col.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('quota_counters_pkey', ['tenant_id', 'channel', 'period'])
    // Every limited send updates its row: free space on the page keeps those updates HOT.
    .modifyEnd(sql`with (fillfactor = 70)`)
    .execute();
}
