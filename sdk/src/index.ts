import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/api.js';

export type { components, paths };
type Schemas = components['schemas'];
export type ApiError = Schemas['Error'];
export type Tenant = Schemas['Tenant'];
export type Org = Schemas['Org'];
export type Key = Schemas['Key'];
export type KeyWithSecret = Schemas['KeyWithSecret'];
export type Domain = Schemas['Domain'];
export type Message = Schemas['Message'];
export type MessageWithEvents = Schemas['MessageWithEvents'];
export type Suppression = Schemas['Suppression'];
export type WebhookEndpoint = Schemas['WebhookEndpoint'];
export type WebhookEndpointWithSecret = Schemas['WebhookEndpointWithSecret'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type TenantUsage = Schemas['TenantUsage'];
export type OrgUsage = Schemas['OrgUsage'];

/** An error answer of the API: its HTTP status, and Sendoka's `type`, `code` and `message`. */
export class SendokaError extends Error {
  override readonly name = 'SendokaError';
  readonly type: string;
  readonly code: string;

  constructor(
    readonly status: number,
    body: unknown,
  ) {
    const error = (body as Partial<ApiError> | undefined)?.error;
    super(error?.message ?? `HTTP ${status}`);
    this.type = error?.type ?? 'api_error';
    this.code = error?.code ?? 'UNEXPECTED_RESPONSE';
  }
}

export interface SendokaOptions {
  /** An API key: sok_live_… or sok_test_…. */
  apiKey: string;
  /** Where Sendoka answers, e.g. https://sendoka.example.com (no /api/v1). */
  baseUrl: string;
  /** Retries of a request answered 429 or 503 (default 3). */
  maxRetries?: number;
  /** The longest wait before a retry, in ms (default 30 s): a later Retry-After (a monthly quota) is answered at once. */
  maxRetryDelayMs?: number;
  /** Another fetch (tests, proxies). */
  fetch?: (request: Request) => Promise<Response>;
}

/** Sends that accept an Idempotency-Key: the client sets one per call, so its retries never send twice. */
const idempotentSends = new Set(['/api/v1/emails', '/api/v1/emails/batch', '/api/v1/sms']);
const retriedStatuses = new Set([429, 503]);

/** The wait Retry-After asks for (seconds or an HTTP date), in ms; without it, a doubling backoff from 500 ms. */
function retryDelayMs(response: Response, attempt: number): number {
  const header = response.headers.get('retry-after');
  if (header !== null) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  return 500 * 2 ** attempt;
}

function retryingFetch(options: SendokaOptions): (request: Request) => Promise<Response> {
  const send = options.fetch ?? ((request: Request) => fetch(request));
  const maxRetries = options.maxRetries ?? 3;
  const maxDelay = options.maxRetryDelayMs ?? 30_000;
  return async (request) => {
    if (request.method === 'POST' && idempotentSends.has(new URL(request.url).pathname) && !request.headers.has('idempotency-key')) {
      request.headers.set('idempotency-key', crypto.randomUUID());
    }
    for (let attempt = 0; ; attempt++) {
      // A clone per attempt: the original's body stays unread for the next one.
      const response = await send(request.clone());
      if (!retriedStatuses.has(response.status) || attempt >= maxRetries) return response;
      const delay = retryDelayMs(response, attempt);
      if (delay > maxDelay) return response;
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  };
}

async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw new SendokaError(response.status, error);
  return data as T;
}

type Operation<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
type JsonBody<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Query<P extends keyof paths, M extends keyof paths[P]> = Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** Per-call options of the sends: an Idempotency-Key of the caller's (replays its first answer for 24 hours). */
export interface SendOptions {
  idempotencyKey?: string;
}
const sendHeaders = (options?: SendOptions) => (options?.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : undefined);

/**
 * Sendoka's API with types generated from its OpenAPI document. `api` is the whole API (openapi-fetch: every path,
 * typed); the groups below answer the data or throw a SendokaError. Requests answered 429 or 503 are retried after
 * their Retry-After, and every send carries an Idempotency-Key, so a retried send creates one message.
 */
export function createSendoka(options: SendokaOptions) {
  const api: Client<paths> = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: { authorization: `Bearer ${options.apiKey}` },
    fetch: retryingFetch(options),
  });
  const id = (value: string) => ({ params: { path: { id: value } } });

  return {
    api,
    emails: {
      send: (body: JsonBody<'/api/v1/emails', 'post'>, send?: SendOptions) => unwrap(api.POST('/api/v1/emails', { body, headers: sendHeaders(send) })),
      /** All or none; `validation: 'permissive'` accepts each email on its own and answers the refused ones in `errors`. */
      sendBatch: (body: JsonBody<'/api/v1/emails/batch', 'post'>, send?: SendOptions & { validation?: 'strict' | 'permissive' }) =>
        unwrap(
          api.POST('/api/v1/emails/batch', {
            body,
            headers: { ...sendHeaders(send), ...(send?.validation ? { 'x-batch-validation': send.validation } : {}) },
          }),
        ),
      list: (query: Query<'/api/v1/emails', 'get'> = {}) => unwrap(api.GET('/api/v1/emails', { params: { query } })),
      get: (messageId: string) => unwrap(api.GET('/api/v1/emails/{id}', id(messageId))),
      reschedule: (messageId: string, body: JsonBody<'/api/v1/emails/{id}', 'patch'>) => unwrap(api.PATCH('/api/v1/emails/{id}', { ...id(messageId), body })),
      cancel: (messageId: string) => unwrap(api.POST('/api/v1/emails/{id}/cancel', id(messageId))),
    },
    sms: {
      send: (body: JsonBody<'/api/v1/sms', 'post'>, send?: SendOptions) => unwrap(api.POST('/api/v1/sms', { body, headers: sendHeaders(send) })),
    },
    messages: {
      list: (query: Query<'/api/v1/messages', 'get'> = {}) => unwrap(api.GET('/api/v1/messages', { params: { query } })),
      get: (messageId: string) => unwrap(api.GET('/api/v1/messages/{id}', id(messageId))),
    },
    tenants: {
      create: (body: JsonBody<'/api/v1/tenants', 'post'>) => unwrap(api.POST('/api/v1/tenants', { body })),
      list: (query: Query<'/api/v1/tenants', 'get'> = {}) => unwrap(api.GET('/api/v1/tenants', { params: { query } })),
      get: (tenantId: string) => unwrap(api.GET('/api/v1/tenants/{id}', id(tenantId))),
      update: (tenantId: string, body: JsonBody<'/api/v1/tenants/{id}', 'patch'>) => unwrap(api.PATCH('/api/v1/tenants/{id}', { ...id(tenantId), body })),
      suspend: (tenantId: string) => unwrap(api.PATCH('/api/v1/tenants/{id}', { ...id(tenantId), body: { status: 'suspended' } })),
      resume: (tenantId: string) => unwrap(api.PATCH('/api/v1/tenants/{id}', { ...id(tenantId), body: { status: 'active' } })),
      /** Starts deleting the tenant and all it owns; `get` shows the progress. */
      delete: (tenantId: string) => unwrap(api.DELETE('/api/v1/tenants/{id}', id(tenantId))),
    },
    org: {
      get: () => unwrap(api.GET('/api/v1/org')),
      update: (body: JsonBody<'/api/v1/org', 'patch'>) => unwrap(api.PATCH('/api/v1/org', { body })),
    },
    keys: {
      /** The answer's `secret` is shown this once. */
      create: (body: JsonBody<'/api/v1/keys', 'post'>) => unwrap(api.POST('/api/v1/keys', { body })),
      list: (query: Query<'/api/v1/keys', 'get'> = {}) => unwrap(api.GET('/api/v1/keys', { params: { query } })),
      get: (keyId: string) => unwrap(api.GET('/api/v1/keys/{id}', id(keyId))),
      update: (keyId: string, body: JsonBody<'/api/v1/keys/{id}', 'patch'>) => unwrap(api.PATCH('/api/v1/keys/{id}', { ...id(keyId), body })),
      revoke: (keyId: string) => unwrap(api.DELETE('/api/v1/keys/{id}', id(keyId))),
    },
    domains: {
      create: (body: JsonBody<'/api/v1/domains', 'post'>) => unwrap(api.POST('/api/v1/domains', { body })),
      list: (query: Query<'/api/v1/domains', 'get'> = {}) => unwrap(api.GET('/api/v1/domains', { params: { query } })),
      get: (domainId: string) => unwrap(api.GET('/api/v1/domains/{id}', id(domainId))),
      verify: (domainId: string) => unwrap(api.POST('/api/v1/domains/{id}/verify', id(domainId))),
      delete: (domainId: string) => unwrap(api.DELETE('/api/v1/domains/{id}', id(domainId))),
    },
    usage: {
      org: (query: Query<'/api/v1/usage', 'get'> = {}) => unwrap(api.GET('/api/v1/usage', { params: { query } })),
      tenant: (tenantId: string, query: Query<'/api/v1/tenants/{id}/usage', 'get'> = {}) =>
        unwrap(api.GET('/api/v1/tenants/{id}/usage', { params: { path: { id: tenantId }, query } })),
    },
    webhooks: {
      /** The answer's `secret` (whsec_…) is shown this once. */
      create: (body: JsonBody<'/api/v1/webhooks/endpoints', 'post'>) => unwrap(api.POST('/api/v1/webhooks/endpoints', { body })),
      list: (query: Query<'/api/v1/webhooks/endpoints', 'get'> = {}) => unwrap(api.GET('/api/v1/webhooks/endpoints', { params: { query } })),
      get: (endpointId: string) => unwrap(api.GET('/api/v1/webhooks/endpoints/{id}', id(endpointId))),
      update: (endpointId: string, body: JsonBody<'/api/v1/webhooks/endpoints/{id}', 'patch'>) =>
        unwrap(api.PATCH('/api/v1/webhooks/endpoints/{id}', { ...id(endpointId), body })),
      delete: (endpointId: string) => unwrap(api.DELETE('/api/v1/webhooks/endpoints/{id}', id(endpointId))),
      rotateSecret: (endpointId: string) => unwrap(api.POST('/api/v1/webhooks/endpoints/{id}/rotate-secret', id(endpointId))),
      test: (endpointId: string) => unwrap(api.POST('/api/v1/webhooks/endpoints/{id}/test', id(endpointId))),
      deliveries: (endpointId: string, query: Query<'/api/v1/webhooks/endpoints/{id}/deliveries', 'get'> = {}) =>
        unwrap(api.GET('/api/v1/webhooks/endpoints/{id}/deliveries', { params: { path: { id: endpointId }, query } })),
      replay: (deliveryId: string) => unwrap(api.POST('/api/v1/webhooks/deliveries/{id}/replay', id(deliveryId))),
    },
    suppressions: {
      create: (body: JsonBody<'/api/v1/suppressions', 'post'>) => unwrap(api.POST('/api/v1/suppressions', { body })),
      list: (query: Query<'/api/v1/suppressions', 'get'> = {}) => unwrap(api.GET('/api/v1/suppressions', { params: { query } })),
      get: (suppressionId: string) => unwrap(api.GET('/api/v1/suppressions/{id}', id(suppressionId))),
      delete: (suppressionId: string) => unwrap(api.DELETE('/api/v1/suppressions/{id}', id(suppressionId))),
    },
  };
}

export type Sendoka = ReturnType<typeof createSendoka>;
