import { config } from './config.js';
import { db } from './db.js';
import { ensureDatabase, migrateToLatest } from './migrate.js';

/** Brings the database to the current schema: creates it when missing, then runs pending migrations. */
export async function prepareDatabase(): Promise<string[]> {
  await ensureDatabase(config.DATABASE_URL);
  return migrateToLatest(db);
}
