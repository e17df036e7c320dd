import { prepareDatabase } from '../src/db/setup.js';
import { db } from '../src/db/index.js';

/** Runs once per test run: the test database exists and is migrated before any suite starts. */
export default async function setup() {
  await prepareDatabase();
  await db.destroy();
}
