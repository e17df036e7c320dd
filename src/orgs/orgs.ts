import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';

export async function createOrg(db: Db, name: string) {
  return db.insertInto('orgs').values({ id: newId('org'), name }).returningAll().executeTakeFirstOrThrow();
}

export async function orgExists(db: Db, orgId: string): Promise<boolean> {
  const row = await db.selectFrom('orgs').select('id').where('id', '=', orgId).executeTakeFirst();
  return row !== undefined;
}
