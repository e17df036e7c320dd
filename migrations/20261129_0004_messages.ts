import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('tenant_id', 'text')
    .addColumn('key_id', 'text')
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel in ('email', 'sms')`))
    .addColumn('environment', 'text', (col) => col.notNull().check(sql`environment in ('live', 'test')`))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('sender', 'text', (col) => col.notNull())
    .addColumn('recipients', sql`text[]`, (col) => col.notNull())
    .addColumn('subject', 'text')
    .addColumn('domain_id', 'text')
    .addColumn('content', 'jsonb', (col) => col.notNull())
    .addColumn('tags', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('scheduled_at', 'timestamptz')
    // The BullMQ job meant to send it: the reconciler re-enqueues messages whose job Redis lost.
    .addColumn('job_id', 'text')
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('provider_message_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('messages_org_id').on('messages').columns(['org_id', 'id']).execute();
  await db.schema.createIndex('messages_tenant_id').on('messages').columns(['tenant_id', 'id']).execute();
  // The reconciler and scheduler look only at unfinished messages; keep that index small.
  await db.schema
    .createIndex('messages_pending')
    .on('messages')
    .columns(['status', 'scheduled_at'])
    .where(sql.ref('status'), 'in', ['queued', 'scheduled', 'sending'])
    .execute();

  await db.schema
    .createTable('message_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('message_id', 'text', (col) => col.notNull())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('tenant_id', 'text')
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('recipient', 'text')
    .addColumn('data', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    // Makes recording an event idempotent: a provider notification or job retry seen twice records once.
    .addColumn('dedupe_key', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('message_events_message').on('message_events').columns(['message_id', 'id']).execute();
}
