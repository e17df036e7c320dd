import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { RootContext } from './context.js';
import type { Running } from '../workers/index.js';

/** `api`, `worker`, `smtp` or (default, for development) all in one process. */
const role = process.argv[2] ?? 'all';

function exitWith(message: string): never {
  process.stderr.write(`Sendoka cannot start: ${message}\n`);
  process.exit(1);
}

if (!['all', 'api', 'worker', 'smtp'].includes(role)) exitWith(`unknown role ${role}: use api, worker, smtp or all`);

// The configuration is read first, so a bad variable is one line, not a stack trace.
const { loadConfig } = await import('./platform/config.js');
const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    return exitWith(error instanceof Error ? error.message : String(error));
  }
})();
// Start-up reaches Postgres (creating and migrating the database) and Redis while the rest of the code loads:
// what those steps need is imported first (the database's before the queues'), and each role loads only its parts.
const [{ createDb }, { createLogger }, { ensureDatabase, migrateToLatest, settingWarnings }] = await Promise.all([
  import('./platform/db.js'),
  import('./platform/logger.js'),
  import('./platform/migrate.js'),
]);
const db = createDb(config);
const logger = createLogger(config);
/** A start-up step begun now and awaited by main(): a failure meanwhile waits there instead of going unhandled. */
const begun = <T>(step: Promise<T>) => {
  step.catch(() => undefined);
  return step;
};
const database = begun(migrated());
const { createJobs } = await import('./platform/jobs.js');
const jobs = createJobs(config);
const redis = begun(reach('Redis', 'REDIS_URL', jobs.ready()));

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
let smtp: { close(): Promise<void> } | undefined;
let workers: Running[] = [];
let stopping = false;
let ctx: RootContext | undefined;
let writesSettled: ((ctx: RootContext) => Promise<void>) | undefined;
/** Closes what start-up opened: the context's subscriptions, queues and database once it exists. */
let closeAll = async () => {
  await jobs.close();
  await db.destroy();
};

async function migrated() {
  await reach('Postgres', 'DATABASE_URL', ensureDatabase(config.DATABASE_URL));
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  for (const warning of await settingWarnings(db)) logger.warn(warning);
}

/**
 * Listens once everything is up (database migrated, Redis reached, workers started), so `/readyz` answers 200
 * only when this process can serve what its role serves.
 */
async function main() {
  const [modules] = await Promise.all([
    Promise.all([
      import('./context.js'),
      import('./messages/provider-events/ses.js'),
      role === 'worker' || role === 'all' ? import('../workers/index.js') : undefined,
      role === 'api' || role === 'all' ? Promise.all([import('./api/app.js'), import('./messages/send/writer.js')]) : undefined,
      (role === 'worker' || role === 'smtp') && config.METRICS_PORT ? Promise.all([import('express'), import('./api/health.js')]) : undefined,
      role === 'smtp' || role === 'all' ? Promise.all([import('./smtp/server.js'), import('./messages/send/writer.js')]) : undefined,
    ]),
    database,
    redis,
  ]);
  const [{ closeContext, createContext }, { sesSetupWarnings }, workerModule, apiModules, metricsModules, smtpModules] = modules;
  for (const warning of sesSetupWarnings(config)) logger.warn(warning);
  const context = createContext(config, { db, jobs, logger });
  ctx = context;
  closeAll = () => closeContext(context);

  const starting = workerModule?.startWorkers(context, config.RECONCILE_INTERVAL_MS);
  let app: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
  if (apiModules) {
    const [{ createApp }, writer] = apiModules;
    writesSettled = writer.writesSettled;
    context.keys.follow();
    app = createApp(context);
  } else if (metricsModules && config.METRICS_PORT) {
    // A worker or an SMTP relay has no API: its probes and metrics get a port of their own.
    const [{ default: express }, { opsRouter }] = metricsModules;
    app = express().use(opsRouter(context));
  }
  if (smtpModules) {
    const [{ startSmtpServers }, writer] = smtpModules;
    writesSettled = writer.writesSettled;
    if (!apiModules) context.keys.follow();
    smtp = await startSmtpServers(context);
  }
  workers = (await starting) ?? [];
  if (app) {
    const port = apiModules ? config.PORT : config.METRICS_PORT!;
    server = createServer(app).listen(port);
    // Once stopping, every answer closes its connection, so keep-alive clients reconnect elsewhere.
    server.prependListener('request', (_req, res) => {
      if (stopping) res.setHeader('connection', 'close');
    });
    await listen(server, port, apiModules ? 'Sendoka API listening' : `${role} metrics listening`);
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
  await Promise.all([new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())), smtp?.close()]);
  if (ctx) await writesSettled?.(ctx);
  await Promise.all(workers.map((worker) => worker.close()));
  await closeAll();
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
