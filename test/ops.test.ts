import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { createApp } from '../src/api/app.js';
import { endpoints, errorCodes, openApiDocument } from '../src/api/openapi.js';
import { countSendOutcomes, observeWebhookAttempt, registry } from '../src/platform/metrics.js';
import { allQueueNames } from '../src/platform/jobs.js';
import { startApi, testContext } from './helpers.js';
import { platform, runWorkers, settled } from './sending-helpers.js';

// Bull Board is mounted only with credentials outside development: this file runs with them.
const ctx = testContext({ ADMIN_USERNAME: 'operator', ADMIN_PASSWORD: 'correct horse battery' });
const { call, baseUrl } = startApi(ctx);
runWorkers(ctx, 'email');

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Every method and path Express has mounted, from the app's router stack (sub-apps count as their mount path). */
function mountedRoutes(): string[] {
  const routes: string[] = [];
  const walk = (stack: any[], prefix: string) => {
    for (const layer of stack) {
      const path = layer.rawPath === '/' || layer.rawPath === undefined ? prefix : prefix + layer.rawPath;
      if (layer.route) {
        const routePath = layer.route.path === '/' ? prefix : prefix + layer.route.path;
        for (const method of Object.keys(layer.route.methods)) routes.push(`${method.toUpperCase()} ${routePath}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, path);
      } else if (layer.handle?.name === 'mounted_app') {
        routes.push(`GET ${path}`);
      }
    }
  };
  walk((createApp(ctx) as any).router.stack, '');
  return [...new Set(routes)].sort();
}

describe('probes', () => {
  it('answers /healthz and /readyz (Postgres, Redis, migrations) without a key', async () => {
    const health = await call('GET', '/healthz');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(health.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await call('GET', '/readyz')).toMatchObject({
      status: 200,
      body: { status: 'ready', checks: { postgres: 'ok', redis: 'ok', migrations: 'ok' } },
    });
  });
});

describe('metrics', () => {
  it('times requests by route pattern and status, reads queue and send backlog counts at scrape time and counts sends', async () => {
    const { acme } = await platform(call);
    const sent = await call('POST', '/api/v1/emails', { key: acme.key, body: { from: `a@${acme.domain}`, to: 'b@example.com', subject: 's', text: 't' } });
    await settled(call, acme.key, sent.body.id);
    await call('GET', '/api/v1/messages/msg_does_not_exist', { key: acme.key });
    await call('GET', '/no/such/path');

    const response = await fetch(`${baseUrl()}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/sendoka_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/emails",status="202"\} \d+/);
    expect(text).toMatch(/sendoka_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/messages\/:id",status="404"\} \d+/);
    expect(text).toMatch(/route="unmatched",status="404"/);
    expect(text).not.toContain('msg_does_not_exist');
    for (const queue of allQueueNames) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) expect(text).toContain(`sendoka_queue_jobs{queue="${queue}",state="${state}"}`);
    }
    // The send dispatcher counts what it sent, and the send schedulers' backlog is read at scrape time.
    expect(text).toMatch(/sendoka_sends_total\{channel="email",provider="local",outcome="sent"\} [1-9]/);
    for (const channel of ['email', 'sms']) {
      for (const environment of ['live', 'test']) {
        for (const state of ['active', 'blocked']) expect(text).toContain(`sendoka_send_senders{channel="${channel}",environment="${environment}",state="${state}"}`);
      }
    }
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('counts send outcomes per provider and webhook attempts with their latency', async () => {
    const live = { channel: 'email' as const, environment: 'live' as const };
    countSendOutcomes(
      ctx.config,
      [
        { message: live, status: 'sent' },
        // A retry is counted as such; after the last attempt the send path records it as failed.
        { message: live, status: 'retry' },
        { message: live, status: 'failed' },
        { message: { channel: 'sms', environment: 'test' }, status: 'sent' },
      ],
    );
    observeWebhookAttempt('pending', { statusCode: 503, latencyMs: 120 });
    observeWebhookAttempt('succeeded', { statusCode: 204, latencyMs: 40 });
    const text = await registry.metrics();
    expect(text).toMatch(/sendoka_sends_total\{channel="email",provider="local",outcome="sent"\} [1-9]/);
    expect(text).toMatch(/sendoka_sends_total\{channel="email",provider="local",outcome="retry"\} [1-9]/);
    expect(text).toMatch(/sendoka_sends_total\{channel="email",provider="local",outcome="failed"\} [1-9]/);
    expect(text).toMatch(/sendoka_sends_total\{channel="sms",provider="simulator",outcome="sent"\} [1-9]/);
    expect(text).toMatch(/sendoka_webhook_attempt_duration_seconds_count\{outcome="retrying",response="5xx"\} [1-9]/);
    expect(text).toMatch(/sendoka_webhook_attempt_duration_seconds_bucket\{le="0.05",outcome="succeeded",response="2xx"\} [1-9]/);
  });
});

describe('Bull Board at /admin/queues', () => {
  it('asks for basic auth and shows every queue to the operator', async () => {
    const anonymous = await fetch(`${baseUrl()}/admin/queues`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('INVALID_ADMIN_CREDENTIALS');
    const wrong = await fetch(`${baseUrl()}/admin/queues`, { headers: { authorization: basic('operator', 'wrong password') } });
    expect(wrong.status).toBe(401);

    const authorization = basic('operator', 'correct horse battery');
    const page = await fetch(`${baseUrl()}/admin/queues`, { headers: { authorization } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const queues = await fetch(`${baseUrl()}/admin/queues/api/queues`, { headers: { authorization } });
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as { queues: { name: string }[] }).queues.map((queue) => queue.name);
    expect(names.sort()).toEqual([...allQueueNames].sort());
  });
});

describe('OpenAPI document', () => {
  it('is served without a key and lists every mounted route, and nothing else', async () => {
    const response = await call('GET', '/api/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    expect(documented).toEqual(mountedRoutes());
  });

  it('documents every error code the code base can answer', () => {
    const thrown = new Set<string>();
    const patterns = [
      /new ApiError\(\s*\d{3},\s*'[a-z_]+',\s*'([A-Z_]+)'/g,
      /(?:conflict|invalid)\([^;]*?'([A-Z][A-Z_]+)'\s*,?\s*\)/g,
      /\[\d{3}, '([A-Z_]+)', '/g,
    ];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) visit(path);
        else if (path.endsWith('.ts')) {
          const source = readFileSync(path, 'utf8');
          for (const pattern of patterns) for (const match of source.matchAll(pattern)) thrown.add(match[1] as string);
        }
      }
    };
    visit('src');
    expect(thrown.size).toBeGreaterThan(25);
    expect([...thrown].filter((code) => !errorCodes.includes(code as never))).toEqual([]);
    // Every code an endpoint lists is answered by some endpoint's responses.
    const document = JSON.stringify(openApiDocument().paths);
    for (const code of errorCodes.filter((code) => code !== 'INTERNAL_ERROR')) expect(document, code).toContain(`"${code}"`);
  });

  it('describes each operation: scope, path and query parameters, request schema from zod, success example', () => {
    const document = openApiDocument();
    const createTenant = (document.paths['/api/v1/tenants'] as any).post;
    expect(createTenant.security).toEqual([{ apiKey: ['tenants:*'] }]);
    expect(createTenant.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['name', 'slug'],
      additionalProperties: false,
      properties: { slug: { type: 'string', maxLength: 64 } },
    });
    expect(createTenant.responses['201'].content['application/json'].example).toMatchObject({ id: expect.stringMatching(/^tnt_/) });
    expect(Object.keys(createTenant.responses['409'].content['application/json'].examples)).toEqual(['SLUG_TAKEN']);
    const listMessages = (document.paths['/api/v1/messages'] as any).get;
    expect(listMessages.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['limit', 'after', 'status', 'channel', 'tenant_id', 'tag']),
    );
    const sendEmail = (document.paths['/api/v1/emails'] as any).post;
    expect(sendEmail.parameters).toEqual([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]);
    const verify = (document.paths['/api/v1/domains/{id}/verify'] as any).post;
    expect(verify.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    for (const entry of endpoints) expect(entry.summary.length, entry.path).toBeGreaterThan(5);
  });
});
