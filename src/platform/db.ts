import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { config } from './config.js';
import type { Database } from './schema/index.js';

// Counts and bigint sums come back as numbers; none of ours get near 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export const pool = new pg.Pool({
  connectionString: config.DATABASE_URL,
  max: config.DATABASE_POOL_SIZE,
  connectionTimeoutMillis: 5_000,
});
// An idle client losing its connection (Postgres restarted) must not crash the process.
pool.on('error', () => undefined);
// Nor may a checked-out client's: pg-pool then discards it and the query fails (answered as 503).
pool.on('connect', (client) => client.on('error', () => undefined));

export const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

export type Db = Kysely<Database> | Transaction<Database>;
export type { Database };
