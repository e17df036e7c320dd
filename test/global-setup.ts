import { sql } from 'kysely';
import { prepareDatabase } from '../src/db/setup.js';
import { db } from '../src/db/index.js';

/** Runs once per test run: the test database exists and is migrated before any suite starts. */
export default async function setup() {
  await prepareDatabase();
  // The test database outlives runs (tests never clean up after themselves) and this machine's Postgres runs
  // without autovacuum: without this, dead rows pile up run after run and the fuzzer's per-request digests
  // of an org's rows slow from milliseconds to a tenth of a second each.
  await sql`vacuum analyze`.execute(db);
  await db.destroy();
}
