// Time from start to /healthz and to /readyz answering 200 (migrations run, Postgres and Redis reachable, workers
// started), as an operator starts Sendoka: `npm start` (build, then `node dist/src/main.js`: API and every worker in
// one process), and `node dist/src/main.js` alone (an installed machine, dist/ already built).
//   flock /work/scratch/bench.lock npx tsx bench/start-time.ts [runs]
// A first, uncounted start creates and migrates the bench's own database (an installed machine has done that);
// each run is then SIGTERMed.
// Target: /readyz ≤ 3 s after start.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchEnvFor, buildDist, positionalNumber } from './support.js';

const runs = positionalNumber(3);
const port = 3903;
const env = { ...benchEnvFor('start_time'), PORT: String(port) };
const starts = { 'npm start': ['npm', 'start', '--silent'], 'node dist/src/main.js': [process.execPath, 'dist/src/main.js'] } as const;

const answers = (path: string) => fetch(`http://127.0.0.1:${port}${path}`).then((response) => response.ok, () => false);

async function startOnce(command: readonly string[]) {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { env, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let healthyMs: number | undefined;
  for (;;) {
    if (healthyMs === undefined && (await answers('/healthz'))) healthyMs = performance.now() - started;
    if (healthyMs !== undefined && (await answers('/readyz'))) break;
    if (performance.now() - started > 60_000) throw new Error('not ready within 60 s');
    await sleep(10);
  }
  const readyMs = performance.now() - started;
  const signalled = performance.now();
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`${command.join(' ')} exited ${code} after SIGTERM`);
  return { healthz: Math.round(healthyMs), readyz: Math.round(readyMs), 'stopped after SIGTERM': Math.round(performance.now() - signalled) };
}

buildDist();
await startOnce(starts['node dist/src/main.js']);
const results = [];
for (let run = 0; run < runs; run++) {
  for (const [name, command] of Object.entries(starts)) results.push({ start: name, ...(await startOnce(command)) });
}
console.table(results);
for (const name of Object.keys(starts)) {
  const ready = results.filter((row) => row.start === name).map((row) => row.readyz);
  console.log(`${name}: /readyz after ${Math.min(...ready)}–${Math.max(...ready)} ms — ≤ 3 s ${Math.max(...ready) <= 3_000 ? 'met' : 'NOT MET'}`);
}
