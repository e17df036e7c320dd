import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('messages')
    // A request's one message is a single send; a batch's are bulk: a tenant's singles go before its bulk.
    .addColumn('lane', 'text', (column) => column.notNull().defaultTo('single').check(sql`lane in ('single', 'bulk')`))
    // Send attempts so far, and when a scheduled or retried message may go (null: when the scheduler grants it).
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('not_before', 'timestamptz')
    // Send jobs are gone: workers claim what the fair scheduler grants, by sender and lane.
    .dropColumn('job_id')
    .execute();
  // What a grant claims: a sender's (tenant, or the org for tenant-less sends) ready messages of one lane, oldest first.
  await db.schema
    .createIndex('messages_ready')
    .on('messages')
    .expression(sql`coalesce(tenant_id, org_id), channel, environment, lane, id`)
    .where(sql<boolean>`status in ('queued', 'scheduled') and not_before is null`)
    .execute();
  // What the promoter makes ready when its time comes: scheduled messages and retries.
  await db.schema
    .createIndex('messages_due')
    .on('messages')
    .column('not_before')
    .where(sql<boolean>`status in ('queued', 'scheduled') and not_before is not null`)
    .execute();
  // Messages scheduled before this migration wait for their time like those scheduled after it.
  await sql`update messages set not_before = scheduled_at where status = 'scheduled'`.execute(db);
}
