import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from './config.js';
import type { Database } from './schema/index.js';

// Counts and bigint sums come back as numbers; none of ours get near 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export type Db = Kysely<Database> | Transaction<Database>;
export type { Database };

export function createDb(config: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_SIZE, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection (Postgres restarted) must not crash the process.
  pool.on('error', () => undefined);
  // Nor may a checked-out client's: pg-pool then discards it and the query fails (answered as 503).
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

type CommitHook = () => unknown;
const commitHooks = new WeakMap<Transaction<Database>, CommitHook[]>();

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one, so writers compose. Hooks
 * registered with `onCommit` run once the outermost transaction has committed (never after a rollback).
 */
export async function transaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  const hooks: CommitHook[] = [];
  const result = await (db as Kysely<Database>).transaction().execute((trx) => {
    commitHooks.set(trx, hooks);
    return work(trx);
  });
  for (const hook of hooks) await hook();
  return result;
}

/**
 * Work that must follow the commit of what `db` is writing (enqueueing its jobs, telling other processes).
 * Outside a transaction the write has committed already, so it runs at once.
 */
export async function onCommit(db: Db, hook: CommitHook): Promise<void> {
  if (!db.isTransaction) {
    await hook();
    return;
  }
  const hooks = commitHooks.get(db as Transaction<Database>);
  // A transaction opened without transaction() would run the hook before its commit, or never.
  if (!hooks) throw new Error('onCommit needs a transaction opened with transaction()');
  hooks.push(hook);
}
