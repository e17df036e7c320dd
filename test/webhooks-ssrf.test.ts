import { describe, expect, it, vi } from 'vitest';

// Production settings: https only, no internal addresses. This file runs no webhook worker.
vi.hoisted(() => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = 'false';
  process.env.WEBHOOKS_ALLOW_INSECURE = 'false';
});

import { postWebhook } from '../src/webhook-delivery.js';
import { newWebhookSecret } from '../src/webhook-signing.js';
import { guardedLookup, RefusedAddressError } from '../src/webhook-url.js';
import { newOrg, startApi } from './helpers.js';
import { startReceiver } from './webhook-receiver.js';

const { call } = startApi();
const receiver = startReceiver();

describe('webhook SSRF protection', () => {
  it('refuses to save URLs that are not https or point at internal addresses, naming the reason', async () => {
    const { rootKey } = await newOrg();
    const cases: [string, string][] = [
      ['http://hooks.example.com/sendoka', 'must be an https URL'],
      ['https://127.0.0.1/hook', 'loopback'],
      ['https://localhost:8443/hook', 'loopback'],
      ['https://169.254.169.254/latest/meta-data/', 'link-local'],
      ['https://10.1.2.3/hook', 'private'],
      ['https://192.168.0.10/hook', 'private'],
      ['https://[fd12:3456::1]/hook', 'unique-local'],
      ['https://[fe80::1]/hook', 'link-local'],
      ['https://224.0.0.251/hook', 'multicast'],
      ['https://[::ffff:127.0.0.1]/hook', 'loopback'],
      ['https://2130706433/hook', 'loopback'],
    ];
    for (const [url, reason] of cases) {
      const response = await call('POST', '/api/v1/webhooks/endpoints', { key: rootKey, body: { url, events: ['message.sent'] } });
      expect(response.status, url).toBe(422);
      expect(response.body.error).toMatchObject({ type: 'invalid_request_error', code: 'URL_NOT_ALLOWED' });
      expect(response.body.error.message, url).toMatch(/^url: /);
      expect(response.body.error.message, url).toContain(reason);
    }
    const saved = await call('POST', '/api/v1/webhooks/endpoints', {
      key: rootKey,
      body: { url: 'https://93.184.215.14/hook', events: ['message.sent'] },
    });
    expect(saved.status).toBe(201);
    const moved = await call('PATCH', `/api/v1/webhooks/endpoints/${saved.body.id}`, {
      key: rootKey,
      body: { url: 'https://169.254.169.254/' },
    });
    expect(moved.status).toBe(422);
    expect(moved.body.error.message).toContain('link-local');
  });

  it('checks the resolved address at connect time: a name resolving to loopback is refused before any request', async () => {
    const url = receiver.url('/rebound').replace('127.0.0.1', 'localhost');
    const policy = { allowInsecure: true, allowPrivate: false };
    const result = await postWebhook(url, 'evt_test', '{}', [newWebhookSecret()], policy);
    expect(result.statusCode).toBeNull();
    expect(result.error).toContain('localhost resolves to');
    expect(result.error).toContain('a loopback address');
    const literal = await postWebhook(receiver.url('/literal'), 'evt_test', '{}', [newWebhookSecret()], policy);
    expect(literal.error).toContain('127.0.0.1 is a loopback address');
    expect(receiver.at('/rebound')).toEqual([]);
    expect(receiver.at('/literal')).toEqual([]);

    // The same request goes through when private addresses are allowed (development and tests).
    const allowed = await postWebhook(url, 'evt_test', '{}', [newWebhookSecret()], { allowInsecure: true, allowPrivate: true });
    expect(allowed).toMatchObject({ statusCode: 200, error: null });
  });

  it('the guarded lookup refuses every internal answer, in both lookup forms', async () => {
    const lookup = guardedLookup({ allowInsecure: false, allowPrivate: false });
    expect(lookup).toBeDefined();
    for (const all of [true, false]) {
      const error = await new Promise((resolve) => lookup!('localhost', { all }, (err) => resolve(err)));
      expect(error).toBeInstanceOf(RefusedAddressError);
    }
  });
});
