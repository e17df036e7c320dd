import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Set just before the provider is called: a worker that dies after it must not lead to a second send.
  await db.schema.alterTable('messages').addColumn('handed_over_at', 'timestamptz').execute();
}
