import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Sender ids and origination numbers a tenant (or, tenant_id null, the org's root keys) may send SMS as.
  await db.schema
    .createTable('sms_senders')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
    .addColumn('tenant_id', 'text', (col) => col.references('tenants.id'))
    .addColumn('type', 'text', (col) => col.notNull().check(sql`type in ('sender_id', 'origination_number')`))
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // A sender id names one tenant of an org (handsets show it, letter case aside); a number is one line of
  // the installation's provider account, so it belongs to one tenant in the whole installation.
  await sql`create unique index sms_senders_sender_id_unique on sms_senders (org_id, upper(value)) where type = 'sender_id'`.execute(db);
  await sql`create unique index sms_senders_number_unique on sms_senders (value) where type = 'origination_number'`.execute(db);
  await db.schema.createIndex('sms_senders_tenant').on('sms_senders').columns(['tenant_id']).execute();
}
