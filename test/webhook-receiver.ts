import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll } from 'vitest';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, any> };
}

type Reply = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number };

/**
 * A local webhook receiver for one test file: records every request, answers 200 unless a path is
 * told otherwise (`reply(path, (n) => …)` with n the 1-based request count of that path).
 */
let pathCounter = 0;
/** A receiver path no other test uses: each test reads only what arrived at its own paths. */
export const uniquePath = (name: string) => `/${name}-${++pathCounter}-${Math.random().toString(36).slice(2, 8)}`;

export function startReceiver() {
  let server: Server;
  let baseUrl = '';
  const received: ReceivedWebhook[] = [];
  const replies = new Map<string, (count: number) => Reply>();
  const counts = new Map<string, number>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ path, headers: req.headers, body, payload: JSON.parse(body) });
        const count = (counts.get(path) ?? 0) + 1;
        counts.set(path, count);
        const reply = replies.get(path)?.(count) ?? { status: 200 };
        const answer = () => res.writeHead(reply.status, reply.headers).end(reply.body ?? '');
        if (reply.delayMs) setTimeout(answer, reply.delayMs);
        else answer();
      });
    });
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const at = (path: string) => received.filter((webhook) => webhook.path === path);
  return {
    url: (path: string) => baseUrl + path,
    reply: (path: string, answer: (count: number) => Reply) => replies.set(path, answer),
    at,
    /** Waits until `path` has received `count` requests, and returns them. */
    async waitFor(path: string, count: number, timeoutMs = 10_000): Promise<ReceivedWebhook[]> {
      const deadline = Date.now() + timeoutMs;
      while (at(path).length < count) {
        if (Date.now() > deadline) throw new Error(`${path} received ${at(path).length} of ${count} webhooks`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return at(path);
    },
  };
}

/** Verifies a received webhook with the standardwebhooks library (not ours) and returns its payload. */
export function verified(webhook: ReceivedWebhook, secret: string) {
  const headers = Object.fromEntries(
    ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(webhook.headers[name])]),
  );
  return new Webhook(secret).verify(webhook.body, headers) as ReceivedWebhook['payload'];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}
