import type { Kysely } from 'kysely';
import { createKeyCache, type KeyCache } from './access/key-cache.js';
import type { Config } from './platform/config.js';
import { createDb, type Db } from './platform/db.js';
import { createJobs, type Jobs } from './platform/jobs.js';
import { createLogger, type Logger } from './platform/logger.js';
import type { Database } from './platform/schema/index.js';
import { createProviders, type Providers } from './providers/index.js';

/**
 * Everything the API and the workers share, built once from the configuration and passed down. Tests build
 * their own, with overrides, instead of editing the environment.
 */
export interface AppContext {
  readonly config: Config;
  /** The pool, or a transaction: a function given a context writes where it is told. */
  readonly db: Db;
  readonly jobs: Jobs;
  readonly providers: Providers;
  readonly keys: KeyCache;
  readonly logger: Logger;
  /**
   * Now, for the decisions made on elapsed days and hours (verification timeout, suspension holds, retention);
   * a test may move it instead of waiting. Short timings (claims, caches) read the system clock.
   */
  readonly clock: () => Date;
}

/** A context as built: its `db` is the pool itself, not a transaction (migrations, shutdown). */
export type RootContext = AppContext & { readonly db: Kysely<Database> };

export function createContext(config: Config, overrides: Partial<RootContext> = {}): RootContext {
  const db = overrides.db ?? createDb(config);
  const jobs = overrides.jobs ?? createJobs(config);
  const logger = overrides.logger ?? createLogger(config);
  return {
    config,
    db,
    jobs,
    logger,
    providers: overrides.providers ?? createProviders(config, db),
    keys: overrides.keys ?? createKeyCache(config, jobs, logger),
    clock: overrides.clock ?? (() => new Date()),
  };
}

/** The same context writing inside `trx`: what the callee writes commits or rolls back with the caller's work. */
export const within = (ctx: AppContext, trx: Db): AppContext => ({ ...ctx, db: trx });

/** Closes what the context opened, in order: subscriptions, queues, then the database. */
export async function closeContext(ctx: AppContext): Promise<void> {
  ctx.keys.stop();
  await ctx.jobs.close();
  await ctx.db.destroy();
}

/**
 * A per-context value built on first use (a cache, a rate limiter): contexts made with `within` share their
 * parent's, and two contexts in one process (tests) never share one.
 */
export function contextCache<T>(build: (ctx: AppContext) => T): (ctx: AppContext) => T {
  const built = new WeakMap<Jobs, T>();
  return (ctx) => {
    let value = built.get(ctx.jobs);
    if (value === undefined) {
      value = build(ctx);
      built.set(ctx.jobs, value);
    }
    return value;
  };
}
