import type { Server } from 'node:http';
import type { Running } from '../workers/index.js';

/** `api`, `worker` or (default, for development) both in one process. */
const role = process.argv[2] ?? 'all';

function exitWith(message: string): never {
  process.stderr.write(`Sendoka cannot start: ${message}\n`);
  process.exit(1);
}

if (!['all', 'api', 'worker'].includes(role)) exitWith(`unknown role ${role}: use api, worker or all`);

// The configuration is read first, so a bad variable is one line, not a stack trace.
const { loadConfig } = await import('./platform/config.js');
const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    return exitWith(error instanceof Error ? error.message : String(error));
  }
})();
const [
  { default: express },
  { startWorkers },
  { createApp },
  { opsRouter },
  { closeContext, createContext },
  { ensureDatabase, migrateToLatest, settingWarnings },
  { writesSettled },
  { sesSetupWarnings },
] = await Promise.all([
  import('express'),
  import('../workers/index.js'),
  import('./api/app.js'),
  import('./api/health.js'),
  import('./context.js'),
  import('./platform/migrate.js'),
  import('./messages/send/writer.js'),
  import('./messages/provider-events/ses.js'),
]);
const ctx = createContext(config);
const { db, logger } = ctx;

/** What a connection URL may show in a log: no credentials. */
function address(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}

/** Waits for a backing service at start; unreachable, it names the variable to fix instead of hanging. */
async function reach<T>(service: string, variable: 'DATABASE_URL' | 'REDIS_URL', attempt: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${config.STARTUP_TIMEOUT_MS} ms`)), config.STARTUP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([attempt, timeout]);
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new Error(`cannot reach ${service} at ${variable}=${address(config[variable])}: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
}

function listen(server: Server, port: number, what: string) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      logger.info({ port }, what);
      resolve();
    });
  });
}

let server: Server | undefined;
let workers: Running[] = [];
let stopping = false;

async function main() {
  await reach('Postgres', 'DATABASE_URL', ensureDatabase(config.DATABASE_URL));
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  for (const warning of [...(await settingWarnings(db)), ...sesSetupWarnings(config)]) logger.warn(warning);
  await reach('Redis', 'REDIS_URL', ctx.jobs.ready());

  if (role !== 'worker') {
    ctx.keys.follow();
    server = createApp(ctx).listen(config.PORT);
    // Once stopping, every answer closes its connection, so keep-alive clients reconnect elsewhere.
    server.prependListener('request', (_req, res) => {
      if (stopping) res.setHeader('connection', 'close');
    });
    await listen(server, config.PORT, 'Sendoka API listening');
  } else if (config.METRICS_PORT) {
    // A worker has no API: its probes and metrics get a port of their own.
    server = express().use(opsRouter(ctx)).listen(config.METRICS_PORT);
    await listen(server, config.METRICS_PORT, 'worker metrics listening');
  }
  if (role !== 'api') {
    workers = await startWorkers(ctx, config.RECONCILE_INTERVAL_MS);
  }
}

/** Stops after start-up has finished or failed, so a signal during start-up still shuts down cleanly. */
async function stop(signal: string, started: Promise<unknown>) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const deadline = setTimeout(() => {
    logger.warn('grace period over, exiting with work in flight (it will be retried)');
    process.exit(1);
  }, config.SHUTDOWN_GRACE_MS);
  await started.catch(() => undefined);
  // Order matters: stop accepting, answer the requests already read (their messages committed and
  // enqueued, even when their client hung up), let workers finish their jobs, then close what all used.
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await writesSettled(ctx);
  await Promise.all(workers.map((worker) => worker.close()));
  await closeContext(ctx);
  clearTimeout(deadline);
  logger.info('shut down cleanly');
  process.exit(0);
}

const started = main();
process.on('SIGTERM', () => void stop('SIGTERM', started));
process.on('SIGINT', () => void stop('SIGINT', started));
started.catch((error: unknown) => {
  logger.fatal({ err: error }, 'Sendoka failed to start');
  exitWith(error instanceof Error ? error.message : String(error));
});
