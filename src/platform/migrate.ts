import { Migrator, type Kysely, sql } from 'kysely';
import pg from 'pg';
import { migrations } from '../../migrations/index.js';

/** Runs `work` with a connection to the server's `postgres` database and the name of the URL's database. */
async function onServer<T>(databaseUrl: string, work: (client: pg.Client, name: string) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates the database named in the URL when it does not exist yet (a fresh machine). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  await onServer(databaseUrl, async (client, name) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`create database ${quoted(name)}`).catch((error: { code?: string }) => {
        // Another process created it between our check and our create.
        if (error.code !== '42P04') throw error;
      });
    }
  });
}

/**
 * Drops the database named in the URL unless a session is connected to it: test and bench runs start from
 * a fresh one, without pulling it from under a run still going.
 */
export async function dropDatabaseIfUnused(databaseUrl: string): Promise<void> {
  await onServer(databaseUrl, async (client, name) => {
    const inUse = await client.query('select 1 from pg_stat_activity where datname = $1 limit 1', [name]);
    if (inUse.rowCount === 0) await client.query(`drop database if exists ${quoted(name)}`);
  });
}

function migrator(db: Kysely<any>) {
  // Unordered: migrations numbered in parallel can land out of order (0017 before 0016); each is independent,
  // so a database that already ran a later one still runs the earlier one instead of refusing to start.
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** True when every migration in the folder has run (for readiness checks). */
export async function migrationsCurrent(db: Kysely<any>): Promise<boolean> {
  const known = await migrator(db).getMigrations();
  return known.every((migration) => migration.executedAt !== undefined);
}

/** Server settings that will hurt in production, one line each, for the operator at start-up. */
export async function settingWarnings(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ autovacuum: string }>`show autovacuum`.execute(db);
  return rows[0]?.autovacuum === 'off'
    ? ['Postgres runs with autovacuum off: dead rows from sending and webhook history will pile up and slow every query; turn it on (autovacuum = on)']
    : [];
}
