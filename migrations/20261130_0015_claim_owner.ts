import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The send loop process holding a claim: the reconciler takes a dead process's claims over at once, and a
  // process whose claim was taken over neither hands the message over nor records it.
  await db.schema.alterTable('messages').addColumn('claimed_by', 'text').execute();
}
