// Time from `npm start` to /healthz answering 200, as an operator starts Sendoka (build, migrate, listen).
//   npx tsx bench/start-time.ts [runs]
// Each run uses the bench database as it is (created and migrated by the first run), then SIGTERMs npm.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchEnv } from './support.js';

const runs = Number(process.argv[2] ?? 3);
const port = 3903;

async function startOnce(): Promise<{ healthyMs: number; stoppedMs: number }> {
  const started = performance.now();
  const npm = spawn('npm', ['start', '--silent'], { env: { ...benchEnv, PORT: String(port) }, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve));
  for (;;) {
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (performance.now() - started > 60_000) throw new Error('no /healthz within 60 s');
    await sleep(20);
  }
  const healthyMs = performance.now() - started;
  const signalled = performance.now();
  npm.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`npm start exited ${code} after SIGTERM`);
  return { healthyMs: Math.round(healthyMs), stoppedMs: Math.round(performance.now() - signalled) };
}

const results = [];
for (let run = 0; run < runs; run++) results.push(await startOnce());
console.table(results);
