// POST /api/v1/emails throughput and latency against a bare Express 5 app, in one run.
//   npx tsx bench/send-api.ts [--batch] [--limited]
// --batch sends POST /api/v1/emails/batch with 100 messages a request (reports accepted messages/s).
// --limited gives the sending tenant an API rate and a monthly quota (both far above the load), so every request
// pays for the rate check in Redis and every send for its quota reservation in Postgres.
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import { benchEnv, spawnTsx, stop, waitForPort } from './support.js';

const batch = process.argv.includes('--batch');
const connections = 64;
const duration = 10;

const limited = process.argv.includes('--limited');
const fixture = JSON.parse(execFileSync('npx', ['tsx', 'bench/fixtures.ts', ...(limited ? ['--limited'] : [])], { env: benchEnv }).toString()) as {
  key: string;
  domain: string;
};
const email = { from: `Acme <welcome@${fixture.domain}>`, to: ['new-customer@example.com'], subject: 'Welcome to Acme', html: '<p>Hello</p>' };
const path = batch ? '/api/v1/emails/batch' : '/api/v1/emails';
const body = JSON.stringify(batch ? Array.from({ length: 100 }, () => email) : email);
const messagesPerRequest = batch ? 100 : 1;

async function load(url: string) {
  // Warm up (JIT, connection pools, caches) before measuring.
  await autocannon({ url, connections, duration: 2, method: 'POST', body, headers: requestHeaders() });
  const result = await autocannon({ url, connections, duration, method: 'POST', body, headers: requestHeaders() });
  const accepted = result['2xx'];
  return {
    requestsPerSecond: Math.round(result.requests.average),
    messagesPerSecond: Math.round((accepted * messagesPerRequest) / duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function requestHeaders() {
  return { 'content-type': 'application/json', authorization: `Bearer ${fixture.key}` };
}

const results: Record<string, Awaited<ReturnType<typeof load>>> = {};

if (!batch) {
  const bare = spawnTsx(['bench/bare-app.ts', '3901']);
  await waitForPort('http://127.0.0.1:3901/');
  results['bare express 5'] = await load(`http://127.0.0.1:3901${path}`);
  await stop(bare);
}

const api = spawnTsx(['src/main.ts', 'api'], { ...benchEnv, PORT: '3902' });
await waitForPort('http://127.0.0.1:3902/');
results[`sendoka ${path}${limited ? " (limited)" : ""}`] = await load(`http://127.0.0.1:3902${path}`);
await stop(api);

console.table(results);
const [baseline, sendoka] = Object.values(results);
if (baseline && sendoka) {
  console.log(`sendoka / bare = ${(sendoka.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}x requests/s`);
}
