import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import { ensureDatabase, migrateToLatest } from './migrate.js';
import type { Database } from './schema/index.js';

/** Brings the database to the current schema: creates it when missing, then runs pending migrations. */
export async function prepareDatabase(config: Pick<Config, 'DATABASE_URL'>, db: Kysely<Database>): Promise<string[]> {
  await ensureDatabase(config.DATABASE_URL);
  return migrateToLatest(db);
}
