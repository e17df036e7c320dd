// Memory over time (issue #17 target 4): `node dist/src/main.js` (API and every worker in one process, what
// `npm start` execs), a live key on a verified domain, the local provider, single sends offered at a steady rate.
//   flock /work/scratch/bench.lock npx tsx bench/memory.ts [--minutes=10] [--rate=400] [--sample=5] [--connections=100]
// Fresh bench database; Redis is a private redis-server, so its used_memory is Sendoka's alone. A 5 s warm-up at
// the rate (scripts loaded, pools and caches filled) drains first; Redis's starting size is taken after it. Then
// the load runs --minutes, sampling the process's RSS and Redis's used_memory every --sample seconds; once every
// message is sent, Redis is sampled again (its slow log emptied), with its bytes per key pattern. Targets: RSS grows < 10 % from the end of
// the first minute to the end of the load (medians of 30 s windows, as garbage collection swings it); Redis's
// used_memory after the drain is within ± 10 % of its starting size.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/platform/config.js';
import { createDb } from '../src/platform/db.js';
import { benchEnvFor, buildDist, freshFixture, numberOption, offerSingleSends, spawnSendoka, stop, waitForReady } from './support.js';

const minutes = numberOption('minutes', 10);
const rate = numberOption('rate', 400);
const sampleSeconds = numberOption('sample', 5);
const connections = numberOption('connections', 100);
const port = 3927;
const redisPort = 6397;
const redisUrl = `redis://127.0.0.1:${redisPort}`;
const baseUrl = `http://127.0.0.1:${port}`;

const redisDir = mkdtempSync(join(tmpdir(), 'sendoka-memory-redis-'));
const redisServer: ChildProcess = spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no', '--dir', redisDir], {
  stdio: 'ignore',
});
const redis = new Redis(redisUrl);
// Refused until the server listens: ioredis retries, and the ping waits for it.
redis.on('error', () => undefined);
await redis.ping();

const { SES_MAX_SEND_RATE: _unlimited, ...inherited } = benchEnvFor('memory');
const env = { ...inherited, REDIS_URL: redisUrl, EMAIL_PROVIDER: 'local', PORT: String(port) };
buildDist();
const fixture = freshFixture(env);
const db = createDb(loadConfig(env));
const sendoka = spawnSendoka('all', env);
await waitForReady(baseUrl);

const mib = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));
/** Resident set size of the Sendoka process, bytes (/proc/<pid>/status). */
const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${sendoka.pid}/status`, 'utf8'))![1]) * 1024;
/** INFO memory fields, bytes: used_memory and the parts that explain it. */
async function redisMemory() {
  const info = await redis.info('memory');
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)![1]);
  return {
    used: field('used_memory'),
    dataset: field('used_memory_dataset'),
    clients: field('mem_clients_normal'),
    scripts: field('used_memory_scripts'),
    connections: Number(/^connected_clients:(\d+)/m.exec(await redis.info('clients'))![1]),
  };
}
const redisUsed = async () => (await redisMemory()).used;
const unsent = async () =>
  (
    await db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', fixture.orgId)
      .where('sent_at', 'is', null)
      .executeTakeFirstOrThrow()
  ).n;
/** Waits until every message is sent; how many are left if not within `seconds`. */
async function drain(seconds: number): Promise<number> {
  const deadline = Date.now() + seconds * 1_000;
  let left = await unsent();
  while (left > 0 && Date.now() < deadline) {
    await sleep(500);
    left = await unsent();
  }
  return left;
}

const offer = (seconds: number) =>
  offerSingleSends({ baseUrl, fixture, rate, seconds, connections, subject: 'Your receipt' });

/** Bytes per key pattern (ids replaced by *), the largest first: what Redis holds. */
async function keySizes(): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for await (const keys of redis.scanStream({ count: 1_000 }) as AsyncIterable<string[]>) {
    for (const key of keys) {
      const pattern = key.replace(/(?<=:)[^:{}]*\d[^:{}]*$/, '*').replace(/(tnt|org|msg|whe|evt|del)_[0-9a-z]+/g, '$1_*');
      sizes.set(pattern, (sizes.get(pattern) ?? 0) + ((await redis.memory('USAGE', key, 'SAMPLES', 0)) ?? 0));
    }
  }
  return sizes;
}

await offer(5);
await drain(60);
await sleep(2_000);
// Redis's slow log (128 entries at most, of commands over 10 ms, which a busy machine produces) is Redis's own
// bounded diagnostic memory, not Sendoka's: it is emptied before each reading, and its length reported.
await redis.slowlog('RESET');
const redisStartParts = await redisMemory();
const redisStart = redisStartParts.used;
const keysStart = await keySizes();
const rssStart = rss();

interface Sample {
  second: number;
  rssMiB: number;
  redisMiB: number;
}
const samples: Sample[] = [];
const loadStarted = Date.now();
const sample = async () => samples.push({ second: Math.round((Date.now() - loadStarted) / 1000), rssMiB: mib(rss()), redisMiB: mib(await redisUsed()) });
const sampler = setInterval(() => void sample(), sampleSeconds * 1_000);
const load = await offer(minutes * 60);
clearInterval(sampler);
await sample();
const left = await drain(120);
// Redis shrinks idle clients' buffers in its cron: give it a few passes.
await sleep(10_000);
const slowlogLength = Number(await redis.slowlog('LEN'));
const redisEndWithSlowlog = await redisUsed();
await redis.slowlog('RESET');
const redisEndParts = await redisMemory();
const redisEnd = redisEndParts.used;
const parts = (memory: Awaited<ReturnType<typeof redisMemory>>) =>
  `dataset ${(memory.dataset / 1024).toFixed(0)} KiB, client buffers ${(memory.clients / 1024).toFixed(0)} KiB, scripts ${(memory.scripts / 1024).toFixed(0)} KiB, ${memory.connections} connections`;
const keysEnd = await keySizes();
const keyRows = [...new Set([...keysStart.keys(), ...keysEnd.keys()])]
  .map((key) => ({ key, 'start KiB': Number(((keysStart.get(key) ?? 0) / 1024).toFixed(1)), 'end KiB': Number(((keysEnd.get(key) ?? 0) / 1024).toFixed(1)) }))
  .sort((a, b) => b['end KiB'] - a['end KiB']);
const keyBytes = (sizes: Map<string, number>) => `${([...sizes.values()].reduce((sum, bytes) => sum + bytes, 0) / 1024).toFixed(0)} KiB`;
console.table(keyRows.slice(0, 15));
console.log(`keys: ${keyBytes(keysStart)} at the start, ${keyBytes(keysEnd)} after the drain`);

// The series, the last sample of each minute.
console.table(samples.filter((row, index) => index === samples.length - 1 || Math.floor(row.second / 60) !== Math.floor(samples[index + 1]!.second / 60)));
// RSS swings with garbage collection, so each end is the median of a 30 s window: after the first minute, and the last.
const median = (rows: Sample[]) => rows.map((row) => row.rssMiB).sort((a, b) => a - b)[Math.floor(rows.length / 2)]!;
const loadSeconds = minutes * 60;
const afterFirstMinute = median(samples.filter((row) => row.second >= 60 && row.second < 90));
const atTheEnd = median(samples.filter((row) => row.second > loadSeconds - 30));
const rssGrowth = (atTheEnd - afterFirstMinute) / afterFirstMinute;
const redisChange = (redisEnd - redisStart) / redisStart;
const rssValues = samples.map((row) => row.rssMiB);
console.log(
  `${minutes} min at ${rate}/s: ${load.requests.total} requests, ${load.non2xx} non-2xx, ${load.errors + load.timeouts} errors; ${left} unsent 120 s after the load`,
);
console.log(
  `RSS (medians of 30 s): ${mib(rssStart)} MiB before the load, ${afterFirstMinute} MiB after the first minute, ${atTheEnd} MiB in the last 30 s (min ${Math.min(...rssValues)}, max ${Math.max(...rssValues)}): ${(rssGrowth * 100).toFixed(1)} % — < 10 % ${rssGrowth < 0.1 ? 'met' : 'NOT MET'}`,
);
console.log(
  `Redis used_memory: ${mib(redisStart)} MiB at the start, max ${Math.max(...samples.map((row) => row.redisMiB))} MiB under load, ${mib(redisEnd)} MiB after the drain: ${(redisChange * 100).toFixed(1)} % — within ± 10 % ${Math.abs(redisChange) <= 0.1 ? 'met' : 'NOT MET'}`,
);
console.log(`Redis at the start: ${parts(redisStartParts)}; after the drain: ${parts(redisEndParts)}`);
console.log(`Redis's slow log held ${slowlogLength} entries after the load: ${mib(redisEndWithSlowlog)} MiB with them`);

await stop(sendoka);
await db.destroy();
redis.disconnect();
redisServer.kill('SIGTERM');
await new Promise((resolve) => redisServer.once('exit', resolve));
rmSync(redisDir, { recursive: true, force: true });
