import { Router } from 'express';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { queueNames } from '../platform/jobs.js';
import { migrationsCurrent } from '../platform/migrate.js';
import { schedulerStats } from '../messages/send/schedulers.js';
import { metricsHandler, reportQueues, reportSendSchedulers } from '../platform/metrics.js';

/** A probe must answer within a load balancer's timeout even when a backing service hangs. */
const checkTimeoutMs = 2_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}

/** Runs every readiness check; the reasons go to the log, not to the (unauthenticated) response. */
export async function readiness({ db, jobs, logger }: AppContext) {
  const checks = {
    postgres: async () => {
      await sql`select 1`.execute(db);
    },
    redis: async () => {
      await jobs.queue(queueNames.maintenance).getJobCounts('waiting');
    },
    migrations: async () => {
      if (!(await migrationsCurrent(db))) throw new Error('migrations pending');
    },
  };
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await within(check(), checkTimeoutMs);
        return [name, 'ok'] as const;
      } catch (error) {
        logger.warn({ check: name, err: error }, 'readiness check failed');
        return [name, 'failing'] as const;
      }
    }),
  );
  return { ready: results.every(([, result]) => result === 'ok'), checks: Object.fromEntries(results) };
}

/** Probes and metrics: served by the API on PORT, and by a worker process on METRICS_PORT. */
export function opsRouter(ctx: AppContext) {
  // The queue and send gauges /metrics serves read this context's queues and schedulers.
  reportQueues(ctx.jobs, ctx.logger);
  reportSendSchedulers(() => schedulerStats(ctx));
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const { ready, checks: results } = await readiness(ctx);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks: results });
  });
  router.get('/metrics', metricsHandler);
  return router;
}
