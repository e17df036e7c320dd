import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoints } from '../src/api/openapi.js';
import { startApi, testContext } from './helpers.js';
import { platform } from './sending-helpers.js';
import { obliterateQueues, orgRowsDigest } from './ops-helpers.js';

// Its own queue prefix: the bodies that happen to be valid leave jobs nobody runs, and the rows compared stay still.
const ctx = testContext({
  QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_fuzz_${process.pid}`,
  WEBHOOKS_ALLOW_PRIVATE: 'true',
  WEBHOOKS_ALLOW_INSECURE: 'true',
});
const { call, baseUrl } = startApi(ctx);
/** Requests per run of the property; `npm run test:faults` raises it. */
const runs = Number(process.env.FUZZ_RUNS ?? 1_000);

let org: Awaited<ReturnType<typeof platform>>;
let knownIds: string[] = [];

afterAll(() => obliterateQueues(ctx.config.QUEUE_PREFIX));

beforeAll(async () => {
  org = await platform(call);
  const { acme, rootKey } = org;
  const made = await Promise.all([
    call('POST', '/api/v1/emails', {
      key: acme.key,
      body: { from: `a@${acme.domain}`, to: 'x@example.com', subject: 's', text: 't', scheduled_at: new Date(Date.now() + 3_600_000).toISOString() },
    }),
    call('POST', '/api/v1/suppressions', { key: acme.key, body: { address: 'kept@example.com' } }),
    call('POST', '/api/v1/webhooks/endpoints', { key: rootKey, body: { url: 'http://127.0.0.1:9/hook', events: ['message.sent'] } }),
    call('POST', '/api/v1/test-inboxes', { key: rootKey, body: { email: 'dev@example.com', tenant_id: acme.id } }),
    call('GET', '/api/v1/keys', { key: rootKey }),
  ]);
  knownIds = [acme.id, acme.domainId, org.globex.id, ...made.flatMap((response) => [response.body.id, ...(response.body.data ?? []).map((item: { id: string }) => item.id)])].filter(
    (id): id is string => typeof id === 'string',
  );
});

/** Top-level field names of a request schema (for bodies that look almost right). */
function fieldNames(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: object; items?: { properties?: object } };
  return Object.keys(json.properties ?? json.items?.properties ?? {});
}

const awkward = [
  '',
  '\u0000',
  'a\u0000b',
  '%',
  '\uFFFF',
  '\uD800',
  'x'.repeat(5_000),
  '0',
  '-1',
  '1e999',
  'null',
  '[]',
  '__proto__',
  "'; drop table tenants; --",
  'a@b.co',
  '+14155550100',
  '2020-01-01T00:00:00Z',
  '2999-01-01T00:00:00Z',
  // Text Postgres or a provider cannot store: refused per request, never a 5xx nor another request's failure.
  'a\u0000b',
  '\ud800',
  'x\udc00y',
];
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...awkward));
const value = fc.oneof(text, fc.jsonValue({ maxDepth: 2 }), fc.constantFrom<unknown>(null, true, -1, 0, 2 ** 53, 1.5, [], {}, [[]], { '': null }));

/** An id for a path: real ones of this org, random text, and raw percent-encodings that are not UTF-8. */
const pathId = fc.oneof(
  fc.constantFrom(...['tnt_', 'dom_', 'msg_', 'key_', 'whe_', 'sup_', 'tib_', 'whd_'].map((prefix) => `${prefix}01aaaaaaaaaaaaaaaaaaaaaaaa`)),
  fc.nat().map((index) => knownIds[index % knownIds.length] as string),
  // Lone surrogates cannot be percent-encoded at all; the raw encodings below cover malformed ones.
  text.filter((id) => id.length > 0 && !/[\uD800-\uDFFF]/.test(id)).map(encodeURIComponent),
  fc.constantFrom('%00', '%FF', '%E0%A4%A', '%2F..%2F', '..', '%20', 'a%25'),
);

const printable = fc.string({ unit: fc.constantFrom(...Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index))), maxLength: 80 });

/** Query values near the edges: cursors that are ids or almost, months in and out of the usage range. */
const queryValue = fc.oneof(
  text,
  fc.nat().map((index) => knownIds[index % knownIds.length] as string),
  fc.constantFrom('tnt_123', 'TNT_01JQZ5W4V8K2M3N4P5Q6R7S8T9', 'xyz_01jqz5w4v8k2m3n4p5q6r7s8t9', '1999-12', '2000-01', '2100-12', '2101-01', '0000-01', '2026-13'),
);

const request = fc.record({
  endpoint: fc.constantFrom(...endpoints.filter((entry) => entry.auth !== 'admin')),
  id: pathId,
  query: fc.dictionary(fc.oneof(fc.constantFrom('limit', 'after', 'status', 'tenant_id', 'period', 'to', 'tag', 'created_after', 'channel', 'address', 'reason'), printable), queryValue, {
    maxKeys: 4,
  }),
  body: fc.oneof(
    { weight: 3, arbitrary: fc.constant('fields' as const) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => JSON.stringify(json)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    // Valid JSON that is not an object.
    { weight: 1, arbitrary: fc.constantFrom('null', '"x"', '1', 'true', '[]') },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ),
  fields: fc.array(fc.tuple(fc.nat(), value), { maxLength: 6 }),
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    'application/vnd.api+json',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    undefined,
  ),
  contentEncoding: fc.constantFrom(undefined, undefined, undefined, 'gzip', 'deflate', 'br', 'identity', 'x-bogus'),
  auth: fc.constantFrom('root', 'root', 'root', 'tenant', 'tenant', 'none', 'garbage'),
  idempotencyKey: fc.option(printable),
});

type Generated = typeof request extends fc.Arbitrary<infer T> ? T : never;

function build(generated: Generated) {
  const { endpoint } = generated;
  const path = endpoint.path.replace(/:[A-Za-z_]+/g, generated.id);
  const query = new URLSearchParams(Object.entries(generated.query)).toString();
  let body: string | undefined;
  if (generated.body === 'fields') {
    const names = fieldNames(endpoint.body);
    const object = Object.fromEntries(generated.fields.map(([index, field]) => [names.length > 0 ? names[index % names.length] : `f${index}`, field]));
    body = JSON.stringify(endpoint.path.endsWith('/batch') ? [object] : object);
  } else body = generated.body;
  const headers: Record<string, string> = {};
  const key = { root: org.rootKey, tenant: org.acme.key, none: undefined, garbage: 'sok_live_garbage' }[generated.auth];
  if (key) headers.authorization = `Bearer ${key}`;
  if (generated.contentType) headers['content-type'] = generated.contentType;
  if (generated.contentEncoding) headers['content-encoding'] = generated.contentEncoding;
  if (generated.idempotencyKey !== null) headers['idempotency-key'] = generated.idempotencyKey;
  const method = endpoint.method.toUpperCase();
  return { method, url: `${path}${query ? `?${query}` : ''}`, headers, body: method === 'GET' ? undefined : body };
}

const jsonContentTypes = ['application/json', 'application/json; charset=utf-8', 'application/vnd.api+json'];
const declaredJson = (contentType: string | undefined) => contentType !== undefined && /^application\/(?:json|[^;\s]+\+json)\s*(?:;|$)/.test(contentType);

function isJson(text: string) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** What the edges promise, beyond no 5xx: each edge answers with its own code, naming what to fix. */
function expectEdgeAnswers(generated: Generated, sent: ReturnType<typeof build>, status: number, error: { code?: string; message?: string } | undefined, context: string) {
  const { endpoint, contentType, contentEncoding } = generated;
  if (sent.body && typeof endpoint.auth === 'object' && !declaredJson(contentType)) {
    // A bad path id may fail to decode before the body is looked at.
    expect(['UNSUPPORTED_MEDIA_TYPE', 'MALFORMED_REQUEST'], context).toContain(error?.code);
  }
  if (sent.body !== undefined && jsonContentTypes.includes(contentType ?? '') && [undefined, 'identity'].includes(contentEncoding) && isJson(sent.body)) {
    expect(error?.code, context).not.toBe('INVALID_JSON');
  }
  // Query parameters the schema refuses are a 422 naming them (for a key that may call the endpoint at all).
  if (generated.auth === 'root' && endpoint.query && !endpoint.path.includes(':')) {
    const { shape } = endpoint.query;
    const refused = Object.entries(generated.query).filter(([name, value]) => Object.hasOwn(shape, name) && !shape[name].safeParse(value).success);
    if (refused.length > 0) expect(status, context).toBe(422);
    if (refused.length === 1) expect(error?.message, context).toContain(refused[0]?.[0]);
  }
}

describe('fuzzing every endpoint with random bodies, headers and ids', () => {
  it(`answers ${runs} random requests without a 5xx, and rejected requests write no row`, async () => {
    const statuses = new Map<number, number>();
    let digest = await orgRowsDigest([org.orgId]);
    await fc.assert(
      fc.asyncProperty(request, async (generated) => {
        const sent = build(generated);
        const response = await fetch(baseUrl() + sent.url, {
          method: sent.method,
          headers: sent.headers,
          // Bytes: fetch labels a string body text/plain, and this request is to have no Content-Type.
          body: sent.body !== undefined && !generated.contentType ? new TextEncoder().encode(sent.body) : sent.body,
          signal: AbortSignal.timeout(10_000),
        });
        const answer = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const context = `${response.status} ${answer.slice(0, 200)} <- ${sent.method} ${sent.url.slice(0, 300)} ${JSON.stringify(sent.headers)} ${sent.body?.slice(0, 300)}`;
        expect(response.status, context).toBeLessThan(500);
        const error = response.status >= 400 && answer.startsWith('{') ? (JSON.parse(answer) as { error?: { code?: string; message?: string } }).error : undefined;
        expectEdgeAnswers(generated, sent, response.status, error, context);
        const after = await orgRowsDigest([org.orgId]);
        if (response.status >= 400) expect(after, context).toEqual(digest);
        digest = after;
      }),
      { numRuns: runs, endOnFailure: true },
    );
    console.log(`fuzz: ${runs} requests over ${endpoints.length - 1} endpoints, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  }, 600_000);
});
