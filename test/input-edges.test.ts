import { describe, expect, it } from 'vitest';
import { endpoints, openApiDocument } from '../src/api/openapi.js';
import { maxEmailsPerBatch, maxIdempotencyKeyLength, maxRecipientsPerEmail, maxSubjectLength, maxTagsPerMessage } from '../src/platform/limits.js';
import { db, newOrg, startApi } from './helpers.js';
import { platform } from './sending-helpers.js';

const { call, baseUrl } = startApi();

const addresses = (count: number) => Array.from({ length: count }, (_, index) => `r${index}@example.com`);
const orgMessageCount = async (orgId: string) =>
  (await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n;

/** A raw request: `body` goes as given, and without `content-type` none is sent (a byte body gets none from fetch). */
async function send(method: string, path: string, key: string, body: Uint8Array | string | undefined, headers: Record<string, string> = {}) {
  const response = await fetch(baseUrl() + path, { method, headers: { authorization: `Bearer ${key}`, ...headers }, body });
  return { status: response.status, body: (await response.json()) as any };
}

describe('recipient limits', () => {
  it('answers 51 addresses in to, cc or bcc with a 422 naming the field and the limit of 50, and writes nothing', async () => {
    const { orgId, acme } = await platform(call);
    const valid = { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'Hi', text: 'Hello' };
    for (const field of ['to', 'cc', 'bcc']) {
      const response = await call('POST', '/api/v1/emails', { key: acme.key, body: { ...valid, [field]: addresses(maxRecipientsPerEmail + 1) } });
      expect(response.status, field).toBe(422);
      expect(response.body.error).toEqual({ type: 'invalid_request_error', code: 'VALIDATION_ERROR', message: `${field}: at most 50 recipients` });
    }
    const spread = await call('POST', '/api/v1/emails', { key: acme.key, body: { ...valid, cc: addresses(30), bcc: addresses(30) } });
    expect(spread.status).toBe(422);
    expect(spread.body.error.message).toBe('to: at most 50 recipients across to, cc and bcc (61 given)');
    const exactly = await call('POST', '/api/v1/emails', { key: acme.key, body: { ...valid, to: addresses(maxRecipientsPerEmail) } });
    expect(exactly.status).toBe(202);
    expect(await orgMessageCount(orgId)).toBe(1);
  });

  it('names the batch item and the limit, and the batch size limit', async () => {
    const { orgId, acme } = await platform(call);
    const valid = { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'Hi', text: 'Hello' };
    const item = await call('POST', '/api/v1/emails/batch', { key: acme.key, body: [valid, { ...valid, bcc: addresses(51) }] });
    expect(item.status).toBe(422);
    expect(item.body.error.message).toBe('[1] bcc: at most 50 recipients');
    const tooMany = await call('POST', '/api/v1/emails/batch', { key: acme.key, body: Array.from({ length: maxEmailsPerBatch + 1 }, () => valid) });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.message).toBe('body: at most 100 emails in a batch');
    expect(await orgMessageCount(orgId)).toBe(0);
  });
});

describe('size limits', () => {
  it('answers a 30 MB text-only email with MESSAGE_TOO_LARGE naming its size and the 10 MB limit, not attachments', async () => {
    const { orgId, acme } = await platform(call);
    const text = 'x'.repeat(30 * 1024 * 1024);
    const response = await call('POST', '/api/v1/emails', { key: acme.key, body: { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'Big', text } });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('MESSAGE_TOO_LARGE');
    expect(response.body.error.message).toMatch(/the message is 30 MB; .* at most 10 MB/);
    expect(response.body.error.message).not.toMatch(/^attachments/);
    const inBatch = await call('POST', '/api/v1/emails/batch', {
      key: acme.key,
      body: [{ from: `a@${acme.domain}`, to: 'b@example.com', subject: 'Big', text: 'x'.repeat(11 * 1024 * 1024) }],
    });
    expect(inBatch.body.error).toMatchObject({ code: 'MESSAGE_TOO_LARGE', message: expect.stringMatching(/^\[0\] the message is 11 MB/) });
    expect(await orgMessageCount(orgId)).toBe(0);
  });

  it('names the body limit of the endpoint a request exceeded', async () => {
    const { rootKey } = await newOrg();
    const tenant = await call('POST', '/api/v1/tenants', { key: rootKey, body: { name: 'x', slug: 'x', external_ref: 'y'.repeat(2_000_000) } });
    expect(tenant.status).toBe(413);
    expect(tenant.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'the body is larger than the 1 MB this endpoint accepts' });
    const email = await call('POST', '/api/v1/emails', { key: rootKey, rawBody: `{"text":"${'x'.repeat(41 * 1024 * 1024)}"}` });
    expect(email.status).toBe(413);
    expect(email.body.error.message).toBe('the body is larger than the 40 MB this endpoint accepts');
  });
});

describe('Content-Type', () => {
  it('answers a body that is not declared JSON with 415 UNSUPPORTED_MEDIA_TYPE naming the header, and writes nothing', async () => {
    const { rootKey } = await newOrg();
    const body = JSON.stringify({ name: 'Acme', slug: 'acme' });
    const plain = await send('POST', '/api/v1/tenants', rootKey, body, { 'content-type': 'text/plain' });
    const form = await send('POST', '/api/v1/tenants', rootKey, body, { 'content-type': 'application/x-www-form-urlencoded' });
    const none = await send('POST', '/api/v1/tenants', rootKey, new TextEncoder().encode(body));
    for (const [response, given] of [
      [plain, 'text/plain'],
      [form, 'application/x-www-form-urlencoded'],
      [none, 'none'],
    ] as const) {
      expect(response.status, given).toBe(415);
      expect(response.body.error).toEqual({
        type: 'invalid_request_error',
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `send the body as JSON with Content-Type: application/json (this request's Content-Type: ${given})`,
      });
    }
    expect((await call('GET', '/api/v1/tenants', { key: rootKey })).body.data).toEqual([]);
  });

  it('takes application/json with a charset and application/*+json', async () => {
    const { rootKey } = await newOrg();
    for (const contentType of ['application/json; charset=utf-8', 'application/vnd.api+json', 'Application/JSON']) {
      const created = await send('POST', '/api/v1/tenants', rootKey, JSON.stringify({ name: 'Acme', slug: `acme-${contentType.length}` }), { 'content-type': contentType });
      expect(created.status, contentType).toBe(201);
    }
  });

  it('keeps requests without a body working: GET, DELETE, and a POST with an empty body', async () => {
    const { acme, rootKey } = await platform(call);
    expect((await call('GET', '/api/v1/keys', { key: rootKey })).status).toBe(200);
    const key = await call('POST', '/api/v1/keys', { key: rootKey, body: { name: 'spare' } });
    expect((await call('DELETE', `/api/v1/keys/${key.body.id}`, { key: rootKey })).status).toBe(200);
    const scheduled = async () =>
      (
        await call('POST', '/api/v1/emails', {
          key: acme.key,
          body: { from: `a@${acme.domain}`, to: 'b@example.com', subject: 's', text: 't', scheduled_at: new Date(Date.now() + 3_600_000).toISOString() },
        })
      ).body.id as string;
    // No body at all, and an empty one with a Content-Type that is not JSON.
    expect((await send('POST', `/api/v1/emails/${await scheduled()}/cancel`, acme.key, undefined)).status).toBe(200);
    expect((await send('POST', `/api/v1/emails/${await scheduled()}/cancel`, acme.key, '', { 'content-type': 'text/plain' })).status).toBe(200);
  });
});

describe('JSON that is not an object', () => {
  it('answers null and other non-object JSON with a 422 naming the body; invalid JSON stays 400', async () => {
    const { rootKey } = await newOrg();
    for (const raw of ['null', '"x"', '1', 'true', '[]']) {
      const response = await call('POST', '/api/v1/tenants', { key: rootKey, rawBody: raw });
      expect(response.status, raw).toBe(422);
      expect(response.body.error).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringMatching(/^body: .*expected object/) });
    }
    for (const raw of ['nul', '{"name": ', "'x'", '{,}']) {
      const response = await call('POST', '/api/v1/tenants', { key: rootKey, rawBody: raw });
      expect(response.status, raw).toBe(400);
      expect(response.body.error.code).toBe('INVALID_JSON');
    }
  });

  it('answers a null email, batch or template preview with a 422 naming the body', async () => {
    const { acme, rootKey } = await platform(call);
    for (const path of ['/api/v1/emails', '/api/v1/emails/batch']) {
      const response = await call('POST', path, { key: acme.key, rawBody: 'null' });
      expect(response.status, path).toBe(422);
      expect(response.body.error.message).toMatch(/^body: /);
    }
    const template = await call('POST', '/api/v1/templates', { key: rootKey, body: { name: 'T', subject: 'Hi', text: 'Hello' } });
    const preview = await call('POST', `/api/v1/templates/${template.body.id}/render`, { key: rootKey, rawBody: 'null' });
    expect(preview.status).toBe(422);
    expect(preview.body.error.message).toMatch(/^body: /);
    expect((await send('POST', `/api/v1/templates/${template.body.id}/render`, rootKey, undefined)).status).toBe(200);
  });
});

describe("what SES would refuse at send (SES v2 MessageHeader and Attachment, SES's unsupported attachment types)", () => {
  it('is refused at the API with a 422 naming the field, never accepted to fail later', async () => {
    const { orgId, acme } = await platform(call);
    const email = { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'Hi', text: 'Hello' };
    const headers = (count: number, value = 'v') => Object.fromEntries(Array.from({ length: count }, (_, index) => [`X-H${index}`, value]));
    const attachment = (filename: string, extra = {}) => ({ filename, content: Buffer.from('x').toString('base64'), ...extra });
    const refused: [Record<string, unknown>, string][] = [
      [{ headers: headers(16) }, 'headers: at most 15 headers'],
      [{ headers: { 'X-Long': 'v'.repeat(996) } }, 'headers.X-Long'],
      [{ headers: { 'X-Long-Name': 'v'.repeat(990) } }, 'headers.X-Long-Name: name and value together at most 996 characters'],
      [{ headers: { 'X-Note': 'café' } }, 'headers.X-Note: printable ASCII only'],
      [{ attachments: [attachment('invoice.pdf'), attachment('Setup.EXE')] }, 'attachments.1.filename: SES refuses attachments of this type'],
      [{ attachments: [attachment('logo.png', { content_id: 'c'.repeat(79) })] }, 'attachments.0.content_id'],
      [{ tags: [{ name: 'Sendoka_Message_Id', value: 'msg_other' }] }, 'tags.0.name: sendoka_message_id is set by Sendoka'],
    ];
    for (const [extra, message] of refused) {
      const response = await call('POST', '/api/v1/emails', { key: acme.key, body: { ...email, ...extra } });
      expect(response.status, message).toBe(422);
      expect(response.body.error.message).toContain(message);
    }
    expect(await orgMessageCount(orgId)).toBe(0);
    const atTheLimits = { headers: { ...headers(14), 'X-Long': 'v'.repeat(990) }, attachments: [attachment('notes.txt', { content_id: 'c'.repeat(78) })] };
    expect((await call('POST', '/api/v1/emails', { key: acme.key, body: { ...email, ...atTheLimits } })).status).toBe(202);
  });
});

describe('deeply nested JSON', () => {
  it('answers nesting past 32 levels with a 422, however deep (a 1 MB body of brackets), never a 500', async () => {
    const { orgId, acme } = await platform(call);
    let variables: unknown = 'deep';
    for (let level = 0; level < 40; level++) variables = { a: variables };
    const nested = await call('POST', '/api/v1/emails', { key: acme.key, body: { from: `a@${acme.domain}`, to: 'b@example.com', template_id: 'tpl_x', variables } });
    expect(nested.status).toBe(422);
    expect(nested.body.error.message).toMatch(/^variables\.a\.a.*: is nested deeper than 32 levels$/);
    const brackets = `${'['.repeat(400_000)}${']'.repeat(400_000)}`;
    const deepest = await send('POST', '/api/v1/emails', acme.key, brackets, { 'content-type': 'application/json' });
    expect(deepest.status).toBe(422);
    expect(deepest.body.error.message).toContain('is nested deeper than 32 levels');
    expect(await orgMessageCount(orgId)).toBe(0);
  });
});

describe('query parameters', () => {
  it('answers a period outside 2000-01..2100-12, or not a month, with a 422 naming period', async () => {
    const { rootKey } = await newOrg();
    const tenant = await call('POST', '/api/v1/tenants', { key: rootKey, body: { name: 'Acme', slug: `acme-${Date.now()}` } });
    for (const path of ['/api/v1/usage', `/api/v1/tenants/${tenant.body.id}/usage`]) {
      for (const period of ['1999-12', '2101-01', '0000-01', '9999-12', '2026-13', '2026-4', 'april']) {
        const response = await call('GET', `${path}?period=${period}`, { key: rootKey });
        expect(response.status, `${path} ${period}`).toBe(422);
        expect(response.body.error.message).toBe('period: must be a month from 2000-01 to 2100-12, as YYYY-MM');
      }
      for (const period of ['2000-01', '2100-12']) {
        const response = await call('GET', `${path}?period=${period}`, { key: rootKey });
        expect(response.status, `${path} ${period}`).toBe(200);
        expect(response.body.period).toBe(period);
      }
    }
  });

  it('answers a malformed after cursor on every paginated list with a 422 naming after', async () => {
    const { rootKey } = await newOrg();
    const lists = endpoints.filter((entry) => entry.method === 'get' && entry.query && 'after' in entry.query.shape);
    expect(lists.length).toBeGreaterThan(10);
    for (const entry of lists) {
      const path = entry.path.replace(/:[A-Za-z]+/g, 'aud_01jqzca1b2c3d4e5f6g7h8j9k0');
      for (const after of ['nonsense', 'tnt_123', 'TNT_01JQZ5W4V8K2M3N4P5Q6R7S8T9', 'xyz_01jqz5w4v8k2m3n4p5q6r7s8t9', `tnt_01jqz5w4v8k2m3n4p5q6r7s8t9'--`]) {
        const response = await call('GET', `${path}?after=${encodeURIComponent(after)}`, { key: rootKey });
        expect(response.status, `${path} ${after}`).toBe(422);
        expect(response.body.error.message).toBe('after: must be the next_cursor of a previous page (an id)');
      }
    }
    // A next_cursor is taken.
    for (const name of ['a', 'b', 'c']) await call('POST', '/api/v1/tenants', { key: rootKey, body: { name, slug: `${name}-${Date.now()}` } });
    const first = await call('GET', '/api/v1/tenants?limit=2', { key: rootKey });
    const second = await call('GET', `/api/v1/tenants?limit=2&after=${first.body.next_cursor}`, { key: rootKey });
    expect(second.status).toBe(200);
    expect(second.body.data).toHaveLength(1);
  });
});

describe('limits in the OpenAPI document', () => {
  it('are the ones the validation enforces', async () => {
    const { orgId, acme } = await platform(call);
    const document = openApiDocument() as any;
    const sendEmail = document.paths['/api/v1/emails'].post;
    const schema = sendEmail.requestBody.content['application/json'].schema;
    expect(schema.properties.to.anyOf[1].maxItems).toBe(maxRecipientsPerEmail);
    expect(schema.properties.subject.maxLength).toBe(maxSubjectLength);
    expect(schema.properties.tags.maxItems).toBe(maxTagsPerMessage);
    expect(document.paths['/api/v1/emails/batch'].post.requestBody.content['application/json'].schema.maxItems).toBe(maxEmailsPerBatch);

    // The documented Idempotency-Key length is the one taken, and one more is refused.
    const header = sendEmail.parameters.find((parameter: { name: string }) => parameter.name === 'Idempotency-Key');
    expect(header.schema.maxLength).toBe(maxIdempotencyKeyLength);
    const body = { from: `a@${acme.domain}`, to: 'b@example.com', subject: 'Hi', text: 'Hello' };
    const longest = await call('POST', '/api/v1/emails', { key: acme.key, body, headers: { 'idempotency-key': 'k'.repeat(header.schema.maxLength) } });
    expect(longest.status).toBe(202);
    const over = await call('POST', '/api/v1/emails', { key: acme.key, body, headers: { 'idempotency-key': 'k'.repeat(header.schema.maxLength + 1) } });
    expect(over.status).toBe(422);
    expect(over.body.error.message).toBe(`Idempotency-Key: at most ${maxIdempotencyKeyLength} characters`);
    const longestSubject = await call('POST', '/api/v1/emails', { key: acme.key, body: { ...body, subject: 's'.repeat(schema.properties.subject.maxLength + 1) } });
    expect(longestSubject.status).toBe(422);
    expect(await orgMessageCount(orgId)).toBe(1);

    expect(document['x-error-codes'].PAYLOAD_TOO_LARGE.description).toContain('40 MB for emails');
    expect(document['x-error-codes'].MESSAGE_TOO_LARGE).toMatchObject({ status: 422, description: expect.stringContaining('10 MB') });
    expect(sendEmail.responses['415'].content['application/json'].examples).toHaveProperty('UNSUPPORTED_MEDIA_TYPE');
  });
});
