import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotency_records')
    .addColumn('key_id', 'text', (col) => col.notNull())
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('tenant_id', 'text')
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'jsonb')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_records_pkey', ['key_id', 'scope', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('idempotency_records_created').on('idempotency_records').column('created_at').execute();

  // What the local email provider "sent": one row per message, counting how often it was handed over.
  await db.schema
    .createTable('local_outbox')
    .addColumn('message_id', 'text', (col) => col.primaryKey())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('deliveries', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('first_sent_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_sent_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}
