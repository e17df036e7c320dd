import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Counter, Registry } from 'prom-client';
import type { Config } from './config.js';
import { allQueueNames, type Jobs } from './jobs.js';
import type { Logger } from './logger.js';

/** Every process keeps its own registry; Prometheus scrapes each process (the API on PORT, a worker on METRICS_PORT). */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const httpRequestDuration = new Histogram({
  name: 'sendoka_http_request_duration_seconds',
  help: 'API request durations by method, route pattern and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export function observeHttpRequest(method: string, route: string, status: number, seconds: number): void {
  httpRequestDuration.observe({ method, route, status: String(status) }, seconds);
}

const jobStates = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed'] as const;
/** A scrape must answer even when Redis does not. */
const queueScrapeTimeoutMs = 2_000;

/** The queues this process's scrapes read: those of the context it serves (set by the entry point). */
let scrapedQueues: { jobs: Jobs; logger: Logger } | undefined;
export function reportQueues(jobs: Jobs, logger: Logger): void {
  scrapedQueues = { jobs, logger };
}

// Needs no handle: the registry calls collect() on every scrape.
new Gauge({
  name: 'sendoka_queue_jobs',
  help: 'Jobs per queue and state, read from Redis at scrape time (the same in every process: aggregate with max)',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!scrapedQueues) return;
    const { jobs, logger } = scrapedQueues;
    try {
      const counts = await Promise.race([
        Promise.all(allQueueNames.map(async (name) => [name, await jobs.queue(name).getJobCounts(...jobStates)] as const)),
        new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('timed out')), queueScrapeTimeoutMs).unref()),
      ]);
      for (const [name, byState] of counts) {
        for (const state of jobStates) this.set({ queue: name, state }, byState[state] ?? 0);
      }
    } catch (error) {
      logger.warn({ err: error }, 'queue metrics unavailable: Redis did not answer');
    }
  },
});

export interface SendSchedulerStats {
  channel: string;
  environment: string;
  /** Senders with ready messages and tokens to send them. */
  active: number;
  /** Senders with ready messages waiting for their own rate (tenant limits). */
  blocked: number;
}

/** Where the send backlog gauge reads from: the send schedulers of the context this process serves. */
let readSendSchedulers: (() => Promise<SendSchedulerStats[]>) | undefined;
export function reportSendSchedulers(read: () => Promise<SendSchedulerStats[]>): void {
  readSendSchedulers = read;
}

new Gauge({
  name: 'sendoka_send_senders',
  help: 'Senders (tenants, or orgs sending without one) with messages waiting in the send schedulers, by channel, environment and state (active, blocked by their own rate)',
  labelNames: ['channel', 'environment', 'state'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    const read = readSendSchedulers;
    if (!read) return;
    try {
      for (const { channel, environment, active, blocked } of await read()) {
        this.set({ channel, environment, state: 'active' }, active);
        this.set({ channel, environment, state: 'blocked' }, blocked);
      }
    } catch {
      // Redis did not answer: the queue gauge above logs that once per scrape.
    }
  },
});

const jobDuration = new Histogram({
  name: 'sendoka_job_duration_seconds',
  help: 'Jobs processed by this process, by queue and outcome (failed includes attempts that will be retried)',
  labelNames: ['queue', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
  registers: [registry],
});

export function observeJob(queueName: string, outcome: 'completed' | 'failed', seconds: number): void {
  jobDuration.observe({ queue: queueName, outcome }, seconds);
}

const sends = new Counter({
  name: 'sendoka_sends_total',
  help: 'Send attempts of messages by channel, provider and outcome (sent, failed, retry, suppressed)',
  labelNames: ['channel', 'provider', 'outcome'] as const,
  registers: [registry],
});

interface SendResult {
  message: { channel: 'email' | 'sms'; environment: 'live' | 'test' };
  status: string;
}

/** Counts the outcome of each message of a send attempt; test keys never reach a provider (`simulator`). */
export function countSendOutcomes(config: Pick<Config, 'EMAIL_PROVIDER' | 'SMS_PROVIDER'>, results: readonly SendResult[]): void {
  for (const { message, status } of results) {
    const provider =
      message.environment === 'test' ? 'simulator' : message.channel === 'email' ? config.EMAIL_PROVIDER : config.SMS_PROVIDER;
    sends.inc({ channel: message.channel, provider, outcome: status });
  }
}

const webhookAttempts = new Histogram({
  name: 'sendoka_webhook_attempt_duration_seconds',
  help: 'Webhook delivery attempts by outcome (succeeded, retrying, failed) and response class, with their latency',
  labelNames: ['outcome', 'response'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
  registers: [registry],
});

/** One attempt of a webhook delivery: `status` is the delivery's status after it (pending = a retry is scheduled). */
export function observeWebhookAttempt(
  status: 'succeeded' | 'pending' | 'failed',
  result: { statusCode: number | null; latencyMs: number },
): void {
  const outcome = status === 'pending' ? 'retrying' : status;
  const response = result.statusCode === null ? 'none' : `${Math.floor(result.statusCode / 100)}xx`;
  webhookAttempts.observe({ outcome, response }, result.latencyMs / 1000);
}

const providerEventsUnmatched = new Counter({
  name: 'sendoka_provider_events_unmatched_total',
  help:
    'Provider events (SES notifications) of a tracked type that matched no message, by provider, event type and reason ' +
    '(no_identifier, not_found, ambiguous, id_mismatch); each is also logged',
  labelNames: ['provider', 'type', 'reason'] as const,
  registers: [registry],
});

/** One provider event recorded nowhere because it matched no message. */
export function countUnmatchedProviderEvent(provider: 'ses', type: string, reason: string): void {
  providerEventsUnmatched.inc({ provider, type, reason });
}

const smtpSessions = new Counter({
  name: 'sendoka_smtp_sessions_total',
  help: 'SMTP connections opened to the submission server',
  registers: [registry],
});

const smtpMessages = new Counter({
  name: 'sendoka_smtp_messages_total',
  help: 'Messages submitted over SMTP, by outcome (accepted, refused) and reply code (250, 550, …)',
  labelNames: ['outcome', 'code'] as const,
  registers: [registry],
});

export function countSmtpSession(): void {
  smtpSessions.inc();
}

export function countSmtpMessage(code: number): void {
  smtpMessages.inc({ outcome: code < 300 ? 'accepted' : 'refused', code: String(code) });
}

export const metricsHandler: RequestHandler = async (_req, res) => {
  res.set('Content-Type', registry.contentType).send(await registry.metrics());
};
