import type { Server } from 'node:http';
import { createApp } from './api/app.js';
import { config } from './config.js';
import { db } from './db/index.js';
import { prepareDatabase } from './db/setup.js';
import { logger } from './logger.js';

async function main() {
  const applied = await prepareDatabase();
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');

  const server: Server = createApp().listen(config.PORT, () => {
    logger.info({ port: config.PORT }, 'Sendoka API listening');
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Sendoka failed to start');
  process.exit(1);
});
