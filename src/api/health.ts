import { Router } from 'express';
import { sql } from 'kysely';
import { db } from '../platform/db.js';
import { migrationsCurrent } from '../platform/migrate.js';
import { logger } from '../platform/logger.js';
import { metricsHandler } from '../platform/metrics.js';
import { queue, queueNames } from '../platform/jobs.js';

/** A probe must answer within a load balancer's timeout even when a backing service hangs. */
const checkTimeoutMs = 2_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}

const checks = {
  postgres: async () => {
    await sql`select 1`.execute(db);
  },
  redis: async () => {
    await queue(queueNames.maintenance).getJobCounts('waiting');
  },
  migrations: async () => {
    if (!(await migrationsCurrent(db))) throw new Error('migrations pending');
  },
};

/** Runs every readiness check; the reasons go to the log, not to the (unauthenticated) response. */
export async function readiness() {
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
export const opsRouter = Router();

opsRouter.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});

opsRouter.get('/readyz', async (_req, res) => {
  const { ready, checks: results } = await readiness();
  res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks: results });
});

opsRouter.get('/metrics', metricsHandler);
