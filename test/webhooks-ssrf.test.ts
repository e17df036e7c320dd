import { describe, expect, it } from 'vitest';
import { postWebhook } from '../src/webhooks/delivery.js';
import { newWebhookSecret } from '../src/webhooks/signing.js';
import { guardedLookup, RefusedAddressError, refusalReason } from '../src/webhooks/url-policy.js';
import { newOrg, startApi, testContext } from './helpers.js';
import { startReceiver } from './webhook-receiver.js';

// Production settings: https only, no internal addresses. This file runs no webhook worker.
const ctx = testContext({ WEBHOOKS_ALLOW_PRIVATE: 'false', WEBHOOKS_ALLOW_INSECURE: 'false' });
const { call } = startApi(ctx);
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

  it('refuses every IPv6 form that embeds an IPv4 address, naming the form and what it embeds', async () => {
    const { rootKey } = await newOrg();
    const cases: [string, string][] = [
      ['https://[::ffff:169.254.169.254]/', 'an IPv4-mapped address embedding 169.254.169.254, a link-local address'],
      ['https://[::ffff:93.184.215.14]/', 'an IPv4-mapped address embedding 93.184.215.14'],
      ['https://[::169.254.169.254]/', 'a deprecated IPv4-compatible address embedding 169.254.169.254, a link-local address'],
      ['https://[::93.184.215.14]/', 'a deprecated IPv4-compatible address embedding 93.184.215.14'],
      ['https://[2002:7f00:1::]/', 'a 6to4 address embedding 127.0.0.1, a loopback address'],
      ['https://[2002:5db8:d70e::1]/', 'a 6to4 address embedding 93.184.215.14'],
      // Teredo: server 65.54.227.120, client 127.0.0.1 stored inverted (80ff:fffe).
      ['https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/', 'a Teredo address (server 65.54.227.120) embedding client 127.0.0.1, a loopback address'],
      ['https://[64:ff9b::169.254.169.254]/', 'a NAT64 address embedding 169.254.169.254, a link-local address'],
      ['https://[64:ff9b::93.184.215.14]/', 'a NAT64 address embedding 93.184.215.14'],
      ['https://[64:ff9b:1::a9fe:a9fe]/', 'a local-use NAT64 address'],
      ['https://[::ffff:0:127.0.0.1]/', 'an IPv4-translated (SIIT) address embedding 127.0.0.1, a loopback address'],
    ];
    for (const [url, reason] of cases) {
      const response = await call('POST', '/api/v1/webhooks/endpoints', { key: rootKey, body: { url, events: ['message.sent'] } });
      expect(response.status, url).toBe(422);
      expect(response.body.error).toMatchObject({ type: 'invalid_request_error', code: 'URL_NOT_ALLOWED' });
      expect(response.body.error.message, url).toContain(reason);
    }
  });

  it('refuses the special-purpose ranges beyond the private ones, and saves public IPv4 and IPv6 addresses', async () => {
    const { rootKey } = await newOrg();
    const cases: [string, string][] = [
      ['https://0.0.0.0/', 'unspecified'],
      ['https://[::]/', 'unspecified'],
      ['https://[::1]/', 'loopback'],
      ['https://100.64.0.1/', 'carrier-grade NAT'],
      ['https://172.16.0.1/', 'private'],
      ['https://192.0.2.1/', 'reserved'],
      ['https://198.18.0.1/', 'reserved'],
      ['https://240.0.0.1/', 'reserved'],
      ['https://255.255.255.255/', 'broadcast'],
      ['https://192.175.48.1/', 'AS112'],
      ['https://192.52.193.1/', 'AMT'],
      ['https://[2001:db8::1]/', 'reserved'],
      ['https://[2001:2::1]/', 'benchmarking'],
      ['https://[2001:20::1]/', 'ORCHID'],
      ['https://[100::1]/', 'discard-only'],
      ['https://[fec0::1]/', 'site-local'],
      ['https://[ff02::1]/', 'multicast'],
      ['https://[4000::1]/', 'outside global unicast'],
    ];
    for (const [url, reason] of cases) {
      const response = await call('POST', '/api/v1/webhooks/endpoints', { key: rootKey, body: { url, events: ['message.sent'] } });
      expect(response.status, url).toBe(422);
      expect(response.body.error.message, url).toContain(reason);
    }
    for (const url of ['https://93.184.216.34/hook', 'https://1.1.1.1/hook', 'https://[2606:4700::1111]/hook', 'https://[2001:4860:4860::8888]/hook']) {
      const saved = await call('POST', '/api/v1/webhooks/endpoints', { key: rootKey, body: { url, events: ['message.sent'] } });
      expect(saved.status, url).toBe(201);
    }
  });

  it('judges an address however it is written, as a DNS answer would write it', () => {
    const cases: [string, string | undefined][] = [
      // inet_ntop's spelling of ::a9fe:a9fe; ipaddr.js reads it as IPv4-mapped, refused all the same.
      ['::169.254.169.254', 'address embedding 169.254.169.254, a link-local address'],
      ['::a9fe:a9fe', 'a deprecated IPv4-compatible address embedding 169.254.169.254'],
      ['0:0:0:0:0:0:127.0.0.1', 'a deprecated IPv4-compatible address embedding 127.0.0.1'],
      ['::ffff:127.0.0.1', 'an IPv4-mapped address embedding 127.0.0.1, a loopback address'],
      ['::FFFF:7F00:1', 'an IPv4-mapped address embedding 127.0.0.1, a loopback address'],
      ['2002:7f00:1::', 'a 6to4 address embedding 127.0.0.1, a loopback address'],
      ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'a Teredo address (server 65.54.227.120) embedding client 127.0.0.1'],
      ['64:ff9b::a9fe:a9fe', 'a NAT64 address embedding 169.254.169.254'],
      ['64:ff9b:1::a9fe:a9fe', 'a local-use NAT64 address (64:ff9b:1::/48)'],
      ['fe80::1%eth0', 'a link-local address (cloud metadata lives there)'],
      ['93.184.216.34', undefined],
      ['2606:4700::1111', undefined],
    ];
    for (const [address, reason] of cases) {
      if (reason === undefined) expect(refusalReason(address), address).toBeUndefined();
      else expect(refusalReason(address), address).toContain(reason);
    }
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
