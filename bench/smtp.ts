// SMTP relay acceptance rate (issue #20): `node dist/src/main.js smtp` alone, a live tenant key on a verified
// domain, nodemailer as the client with one pooled transport of --connections (8) connections over STARTTLS, each
// connection sending 1 KB messages back to back for --duration seconds (10).
//   flock /work/scratch/bench.lock npx tsx bench/smtp.ts [--connections=8] [--duration=10]
// Reports messages accepted per second, the 250's latency p50/p99 (from sendMail to its answer), refusals, and the
// SMTP process's CPU per accepted message. Target: ≥ 300 accepted/s.
import { spawn } from 'node:child_process';
import nodemailer from 'nodemailer';
import { benchEnvFor, buildDist, cpuSeconds, freshFixture, numberOption, percentile, stop, waitForReady } from './support.js';

const connections = numberOption('connections', 8);
const durationMs = numberOption('duration', 10) * 1000;
const smtpPort = 2925;
const metricsPort = 3925;

const env = { ...benchEnvFor('smtp'), EMAIL_PROVIDER: 'local', SMTP_PORT: String(smtpPort), METRICS_PORT: String(metricsPort) };
buildDist();
const fixture = freshFixture(env);
const sendoka = spawn(process.execPath, ['dist/src/main.js', 'smtp'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
await waitForReady(`http://127.0.0.1:${metricsPort}`);

const transport = nodemailer.createTransport({
  pool: true,
  maxConnections: connections,
  maxMessages: Infinity,
  host: '127.0.0.1',
  port: smtpPort,
  requireTLS: true,
  // The relay runs with the self-signed certificate it generates at start.
  tls: { rejectUnauthorized: false },
  auth: { user: 'sendoka', pass: fixture.key },
});
const text = 'Your order has shipped. '.repeat(43).slice(0, 1024);
const mail = (sequence: number) => ({
  from: `Acme <receipts@${fixture.domain}>`,
  to: 'customer@example.com',
  subject: `Order ${sequence}`,
  text,
});

// One warm-up message per connection: the TLS handshakes and AUTHs are not what is measured.
await Promise.all(Array.from({ length: connections }, (_, index) => transport.sendMail(mail(-index))));

const latenciesMs: number[] = [];
let refused = 0;
let sequence = 0;
const cpuBefore = cpuSeconds(sendoka.pid!);
const started = performance.now();
const deadline = started + durationMs;
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) {
      const sentAt = performance.now();
      try {
        await transport.sendMail(mail(sequence++));
        latenciesMs.push(performance.now() - sentAt);
      } catch {
        refused += 1;
      }
    }
  }),
);
const elapsedS = (performance.now() - started) / 1000;
const cpu = cpuSeconds(sendoka.pid!) - cpuBefore;
transport.close();
await stop(sendoka);

latenciesMs.sort((a, b) => a - b);
const accepted = latenciesMs.length;
console.log(
  JSON.stringify({
    connections,
    seconds: Number(elapsedS.toFixed(1)),
    accepted,
    refused,
    acceptedPerSecond: Math.round(accepted / elapsedS),
    p50Ms: Number(percentile(latenciesMs, 50).toFixed(1)),
    p99Ms: Number(percentile(latenciesMs, 99).toFixed(1)),
    cpuMsPerMessage: Number(((cpu * 1000) / Math.max(1, accepted)).toFixed(2)),
  }),
);
