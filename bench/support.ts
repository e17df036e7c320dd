import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** Environment for bench runs: its own database and queue prefix, quiet logs. */
export const benchEnv = {
  ...process.env,
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/sendoka_bench',
  QUEUE_PREFIX: 'sendoka_bench',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
};

/** Runs a TypeScript entry in its own node process (no npx wrapper, so signals reach it). */
export function spawnTsx(args: string[], env: NodeJS.ProcessEnv = benchEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
}

export async function waitForPort(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`${url} did not come up`);
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
