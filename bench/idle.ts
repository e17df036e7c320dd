// What an idle Sendoka costs: `node dist/src/main.js` (API and every worker, as `npm start` runs it) with nothing
// to send, against a private redis-server, so Redis's command counts are this process's alone.
//   npx tsx bench/idle.ts [--seconds=30]
// After start-up and a 5 s settle, it reports over --seconds: the process's and Redis's CPU (from /proc), Redis
// commands a second (INFO commandstats, scripts' inner calls included), and the busiest commands.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { benchEnvFor, buildDist, cpuSeconds, freshFixture, numberOption, spawnSendoka, stop, waitForReady } from './support.js';

const seconds = numberOption('seconds', 30);
const port = 3926;
const redisPort = 6396;
const redisUrl = `redis://127.0.0.1:${redisPort}`;

const redisDir = mkdtempSync(join(tmpdir(), 'sendoka-idle-redis-'));
const redisServer: ChildProcess = spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no', '--dir', redisDir], {
  stdio: 'ignore',
});
const redis = new Redis(redisUrl);
// Refused until the server listens: ioredis retries, and the ping waits for it.
redis.on('error', () => undefined);
await redis.ping();

const env = { ...benchEnvFor('idle'), REDIS_URL: redisUrl, EMAIL_PROVIDER: 'local', PORT: String(port) };
buildDist();
freshFixture(env);
const sendoka = spawnSendoka('all', env);
await waitForReady(`http://127.0.0.1:${port}`);
await sleep(5_000);

/** Calls so far per Redis command (INFO commandstats). */
async function commandCalls(): Promise<Map<string, number>> {
  const calls = new Map<string, number>();
  for (const line of (await redis.info('commandstats')).split('\n')) {
    const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line);
    if (match) calls.set(match[1]!, Number(match[2]));
  }
  return calls;
}

const cpuBefore = cpuSeconds(sendoka.pid!);
const redisCpuBefore = cpuSeconds(redisServer.pid!);
const callsBefore = await commandCalls();
await sleep(seconds * 1_000);
const cpu = cpuSeconds(sendoka.pid!) - cpuBefore;
const redisCpu = cpuSeconds(redisServer.pid!) - redisCpuBefore;
const callsAfter = await commandCalls();

// The bench's own INFO calls are left out.
const perSecond = [...callsAfter]
  .filter(([command]) => command !== 'info')
  .map(([command, calls]) => ({ command, 'calls/s': Number(((calls - (callsBefore.get(command) ?? 0)) / seconds).toFixed(1)) }))
  .filter((row) => row['calls/s'] > 0)
  .sort((a, b) => b['calls/s'] - a['calls/s']);
const total = perSecond.reduce((sum, row) => sum + row['calls/s'], 0);
console.table(perSecond.slice(0, 12));
const percent = (used: number) => `${((used / seconds) * 100).toFixed(1)} % of a core`;
console.log(`idle for ${seconds} s: Sendoka CPU ${percent(cpu)}; Redis ${total.toFixed(1)} commands/s, CPU ${percent(redisCpu)}`);

await stop(sendoka);
redis.disconnect();
redisServer.kill('SIGTERM');
await new Promise((resolve) => redisServer.once('exit', resolve));
rmSync(redisDir, { recursive: true, force: true });
