import { execFileSync } from 'node:child_process';
import { loadConfig } from '../src/platform/config.js';
import { createDb } from '../src/platform/db.js';
import { dropDatabaseIfUnused } from '../src/platform/migrate.js';
import { prepareDatabase } from '../src/platform/setup.js';

/**
 * Runs once per test run: a fresh test database (unless another run is using it), migrated before any suite
 * starts. Tests never clean up after themselves; without a fresh start every run's rows (and, with this
 * machine's Postgres running without autovacuum, dead rows) would stay, and the fuzzer's per-request digests
 * of an org's rows slowed from 10 to 70 s over a few runs.
 */
export default async function setup() {
  // Process tests run what production runs: the compiled dist/, rebuilt from the sources under test.
  execFileSync(process.execPath, ['bin/build.mjs'], { stdio: 'inherit' });
  const config = loadConfig();
  await dropDatabaseIfUnused(config.DATABASE_URL);
  const db = createDb(config);
  await prepareDatabase(config, db);
  await db.destroy();
}
