import type { Server } from 'node:http';
import type { Worker } from 'bullmq';
import { startWorkers } from '../workers/index.js';
import { createApp } from './api/app.js';
import { config } from './config.js';
import { db } from './db/index.js';
import { prepareDatabase } from './db/setup.js';
import { logger } from './logger.js';
import { closeQueues, queuesReady } from './queues.js';

/** `api`, `worker` or (default, for development) both in one process. */
const role = process.argv[2] ?? 'all';

async function main() {
  if (!['all', 'api', 'worker'].includes(role)) throw new Error(`unknown role ${role}: use api, worker or all`);
  const applied = await prepareDatabase();
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  await queuesReady();

  let server: Server | undefined;
  let workers: Worker[] = [];
  if (role !== 'worker') {
    server = createApp().listen(config.PORT, () => logger.info({ port: config.PORT }, 'Sendoka API listening'));
  }
  if (role !== 'api') workers = await startWorkers();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.warn('grace period over, exiting with work in flight (it will be retried)');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    // Order matters: stop accepting requests, let workers finish their jobs, then close what they used.
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await Promise.all(workers.map((worker) => worker.close()));
    await closeQueues();
    await db.destroy();
    clearTimeout(deadline);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Sendoka failed to start');
  process.exit(1);
});
