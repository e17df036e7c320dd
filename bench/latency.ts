// Single-send latency at a steady rate and CPU per accepted send (issue #17 targets 1 and 2), against the API
// process alone (`node dist/src/main.js api`, tenant-bound live key, local provider, no worker) and, in the same
// run, a bare Express 5 app that parses JSON and answers 202 (bench/bare-app.ts).
//   npx tsx bench/latency.ts [--rate=1000] [--duration=30] [--connections=100] [--rounds=1]
// Each target gets a 5 s warm-up, then --duration seconds of POST /api/v1/emails offered at --rate (autocannon
// overallRate). CPU is the target process's user + system time over the measured window (/proc/<pid>/stat)
// divided by its 2xx answers. --rounds alternates bare and Sendoka that many times (the machine's speed drifts).
// Targets: Sendoka p50 ≤ 5 ms, p99 ≤ 20 ms, no errors; CPU per send ≤ 1.75× the bare app's per request.
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import {
  benchEnv,
  benchEnvFor,
  buildDist,
  clearQueuePrefix,
  cpuSeconds,
  freshFixture,
  numberOption,
  spawnSendoka,
  spawnTsx,
  stop,
  waitForPort,
  waitForReady,
} from './support.js';

const rate = numberOption('rate', 1_000);
const duration = numberOption('duration', 30);
const connections = numberOption('connections', 100);
const rounds = numberOption('rounds', 1);
const barePort = 3931;
const sendokaPort = 3932;

const env = { ...benchEnvFor('latency'), EMAIL_PROVIDER: 'local', PORT: String(sendokaPort) };
buildDist();
const fixture = freshFixture(env);
const body = JSON.stringify({ from: `Acme <welcome@${fixture.domain}>`, to: ['new-customer@example.com'], subject: 'Welcome to Acme', html: '<p>Hello</p>' });

const offer = (url: string, seconds: number) =>
  autocannon({
    url,
    method: 'POST',
    connections,
    overallRate: rate,
    duration: seconds,
    body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${fixture.key}` },
  });

async function measure(child: ChildProcess, url: string) {
  await offer(url, 5); // warm-up: JIT, pools, caches
  const cpuBefore = cpuSeconds(child.pid!);
  const result = await offer(url, duration);
  const cpu = cpuSeconds(child.pid!) - cpuBefore;
  return {
    'answered req/s': Math.round(result.requests.total / duration),
    '2xx': result['2xx'],
    'non-2xx': result.non2xx,
    errors: result.errors + result.timeouts,
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    'CPU ms per 2xx': Number(((cpu * 1_000) / Math.max(1, result['2xx'])).toFixed(3)),
  };
}

const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
for (let round = 1; round <= rounds; round++) {
  const bare = spawnTsx(['bench/bare-app.ts', String(barePort)], benchEnv);
  await waitForPort(`http://127.0.0.1:${barePort}/`);
  results[`bare express 5 #${round}`] = await measure(bare, `http://127.0.0.1:${barePort}/api/v1/emails`);
  await stop(bare);

  const api = spawnSendoka('api', env);
  await waitForReady(`http://127.0.0.1:${sendokaPort}`);
  results[`sendoka api #${round}`] = await measure(api, `http://127.0.0.1:${sendokaPort}/api/v1/emails`);
  await stop(api);
}

console.table(results);
for (let round = 1; round <= rounds; round++) {
  const bare = results[`bare express 5 #${round}`]!;
  const sendoka = results[`sendoka api #${round}`]!;
  console.log(
    `round ${round}: CPU per send = ${(sendoka['CPU ms per 2xx'] / bare['CPU ms per 2xx']).toFixed(2)}× the bare app's per request ` +
      `(target ≤ 1.75×); p50 ${sendoka['p50 ms']} ms (≤ 5), p99 ${sendoka['p99 ms']} ms (≤ 20), ` +
      `${sendoka['non-2xx'] + sendoka.errors} errors`,
  );
}
// No worker ran: the accepted sends' jobs were never meant to go out.
await clearQueuePrefix(env);
