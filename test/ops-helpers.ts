import { Queue } from 'bullmq';
import { sql } from 'kysely';
import { Redis } from 'ioredis';
import { allQueueNames } from '../src/platform/jobs.js';
import { ctx, db } from './helpers.js';

let orgTables: string[] | undefined;

/**
 * A digest of every row the given orgs own, per table (every table with an org_id column), in one
 * statement: equal digests before and after a run of requests mean none of them wrote anything.
 * `last_used_at` is left out: any authenticated request may touch it.
 */
export async function orgRowsDigest(orgIds: string[]): Promise<Record<string, string>> {
  orgTables ??= (
    await sql<{ table_name: string }>`
      select table_name from information_schema.columns
       where table_schema = 'public' and column_name = 'org_id' order by table_name`.execute(db)
  ).rows.map((row) => row.table_name);
  const perTable = orgTables.map(
    (table) => sql`
      select ${table} as name, count(*)::int as rows,
             md5(string_agg((to_jsonb(t) - 'last_used_at')::text, ',' order by (to_jsonb(t) - 'last_used_at')::text)) as digest
        from ${sql.table(table)} as t where org_id in (${sql.join(orgIds)})`,
  );
  const result = await sql<{ name: string; rows: number; digest: string | null }>`${sql.join(perTable, sql` union all `)}`.execute(db);
  return Object.fromEntries(result.rows.map((row) => [row.name, `${row.rows}:${row.digest ?? ''}`]));
}

/** Removes every queue (jobs and schedulers) under a test's own prefix from the shared Redis. */
export async function obliterateQueues(prefix: string): Promise<void> {
  const connection = new Redis(ctx.config.REDIS_URL, { maxRetriesPerRequest: null });
  try {
    for (const name of allQueueNames) {
      const queue = new Queue(name, { connection, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  } finally {
    connection.disconnect();
  }
}
