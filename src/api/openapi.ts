import { z } from 'zod';
import * as domains from '../domains/domains.js';
import * as audiences from '../audiences/audiences.js';
import { rescheduleInput, sendEmailBatchInput, sendEmailInput } from '../messages/email/input.js';
import { listEmailsQuery } from '../messages/email/read.js';
import { ApiError, type ErrorType } from '../platform/errors.js';
import { groupBy } from '../platform/group-by.js';
import { idempotencyKeyHeader } from '../idempotency/records.js';
import * as keys from '../keys/keys.js';
import * as orgs from '../orgs/orgs.js';
import {
  idempotencyWindowHours,
  maxContactImportRequestBytes,
  maxEmailRequestBytes,
  maxEmailsPerBatch,
  maxMessageBytes,
  maxPageSize,
  maxRequestBytes,
  megabytes,
} from '../platform/limits.js';
import * as messages from '../messages/read.js';
import type { Scope } from '../access/scopes.js';
import { batchValidation } from './routes/emails.js';
import * as schemas from './schemas/responses.js';
import { errorBody } from './middleware.js';
import { sendSmsInput } from '../messages/sms/accept.js';
import * as smsSenders from '../messages/sms/senders.js';
import * as suppressions from '../suppressions/suppressions.js';
import * as templates from '../templates/templates.js';
import * as tenants from '../tenants/tenants.js';
import * as testInboxes from '../test-inboxes/test-inboxes.js';
import * as usage from '../usage/usage.js';
import * as deliveryLog from '../webhooks/delivery-log.js';
import * as webhooks from '../webhooks/endpoints.js';

/**
 * The API's endpoint catalogue: the OpenAPI document, the /docs page and the route label of the HTTP
 * metrics are all built from it, and a test checks it against the routes Express actually mounts.
 */

type Method = 'get' | 'post' | 'patch' | 'delete';

/** How a caller proves itself: an API key (with a scope), the cron secret, an SNS signature, admin basic auth, or nothing. */
type Auth = { key: Scope } | 'cron' | 'sns' | 'admin' | 'none';

export interface Endpoint {
  method: Method;
  /** The Express route pattern. */
  path: string;
  tag: string;
  summary: string;
  auth: Auth;
  body?: z.ZodType;
  query?: z.ZodObject;
  /** Accepts an Idempotency-Key header. */
  idempotent?: boolean;
  /** Other request headers it reads. */
  headers?: Record<string, { schema: z.ZodType; description: string }>;
  success: {
    status: number;
    /** Another success status with the same body (POST /suppressions: 200 for an address already suppressed). */
    alsoStatus?: number;
    description: string;
    example?: unknown;
    // A JSON body names its shape (one of api/schemas/responses.ts); any other body its content type.
  } & ({ schema: z.ZodType; contentType?: never } | { contentType: string; schema?: never });
  /** Error codes this endpoint answers beyond those that follow from its auth, body, query and path. */
  errors?: ErrorCode[];
}

// ---------------------------------------------------------------------------------------------
// Error codes

const errorCatalogue = {
  INVALID_JSON: [400, 'invalid_request_error', 'the body is not valid JSON'],
  MALFORMED_REQUEST: [400, 'invalid_request_error', 'the URL or the body encoding is malformed (bad percent-encoding, corrupt gzip)'],
  REQUEST_ABORTED: [400, 'invalid_request_error', 'the client aborted the request body'],
  INVALID_API_KEY: [401, 'authentication_error', 'missing, unknown or revoked key'],
  INVALID_CRON_SECRET: [401, 'authentication_error', 'the bearer token is not CRON_SECRET'],
  INVALID_ADMIN_CREDENTIALS: [401, 'authentication_error', 'basic auth is not ADMIN_USERNAME / ADMIN_PASSWORD'],
  MISSING_SCOPE: [403, 'permission_error', 'the key lacks the scope named in the message'],
  TENANT_FORBIDDEN: [403, 'permission_error', "the key's tenant is suspended"],
  DOMAIN_NOT_ALLOWED_FOR_KEY: [403, 'authentication_error', "the from-domain is not the key's (allowed_domain_ids, tenant)"],
  TEST_KEY_CANNOT_CHANGE_LIVE: [403, 'permission_error', 'a test key cannot change live objects, nor tenants, keys, domains, SMS senders or test inboxes'],
  SMS_SENDER_NOT_REGISTERED: [403, 'permission_error', "the SMS sender id or origination number is not registered for the key's tenant"],
  ORG_WIDE_SUPPRESSION: [403, 'permission_error', 'an org-wide suppression can only be deleted with a platform-root key'],
  SNS_SIGNATURE_INVALID: [403, 'permission_error', 'the SNS message signature, topic or certificate URL is not trusted'],
  NOT_FOUND: [404, 'not_found_error', "no such resource, or another tenant's or org's"],
  SLUG_TAKEN: [409, 'conflict_error', 'another tenant of the org has this slug'],
  TENANT_DELETING: [409, 'conflict_error', 'the tenant is being deleted'],
  CANNOT_REVOKE_OWN_KEY: [409, 'conflict_error', 'a key cannot revoke itself'],
  DOMAIN_TAKEN: [409, 'conflict_error', 'the domain is already registered'],
  IDEMPOTENCY_KEY_REUSED: [409, 'conflict_error', 'the Idempotency-Key was used with a different body'],
  IDEMPOTENCY_REQUEST_IN_PROGRESS: [409, 'conflict_error', 'a request with this Idempotency-Key is still running; retry'],
  MESSAGE_NOT_SCHEDULED: [409, 'conflict_error', 'only scheduled emails can be rescheduled or canceled'],
  TEST_INBOX_EXISTS: [409, 'conflict_error', 'the address is already a test inbox here'],
  CONTACT_EXISTS: [409, 'conflict_error', 'the address is already a contact of the audience'],
  TOO_MANY_ATTEMPTS: [409, 'conflict_error', 'too many wrong codes; delete and create the test inbox again'],
  TOO_MANY_SECRETS: [409, 'conflict_error', 'the endpoint has the most secrets in force; the message says when the oldest expires'],
  SMS_SENDER_TAKEN: [409, 'conflict_error', 'the sender id is registered in the org already, or the number in the installation'],
  ENDPOINT_DISABLED: [409, 'conflict_error', 'the webhook endpoint is disabled; enable it first'],
  DELIVERY_PENDING: [409, 'conflict_error', 'the delivery is still being attempted'],
  PAYLOAD_TOO_LARGE: [
    413,
    'invalid_request_error',
    `the body is larger than the endpoint accepts: ${megabytes(maxEmailRequestBytes)} for emails, ${megabytes(maxContactImportRequestBytes)} for contact imports, ${megabytes(maxRequestBytes)} elsewhere`,
  ],
  UNSUPPORTED_MEDIA_TYPE: [415, 'invalid_request_error', 'a body sent without Content-Type: application/json (or application/*+json)'],
  UNSUPPORTED_ENCODING: [415, 'invalid_request_error', 'unsupported Content-Encoding'],
  UNSUPPORTED_CHARSET: [415, 'invalid_request_error', 'unsupported charset; send UTF-8'],
  VALIDATION_ERROR: [422, 'invalid_request_error', 'the message names each offending field'],
  MESSAGE_TOO_LARGE: [422, 'invalid_request_error', `html, text, attachments (decoded) and variables together exceed ${megabytes(maxMessageBytes)}`],
  INVALID_PHONE_NUMBER: [422, 'invalid_request_error', 'not a valid phone number (E.164, or national with default_country)'],
  URL_NOT_ALLOWED: [422, 'invalid_request_error', 'the webhook URL is refused (scheme, private address)'],
  INVALID_CODE: [422, 'invalid_request_error', 'the confirmation code does not match'],
  DOMAIN_NOT_VERIFIED: [422, 'invalid_request_error', 'the from-domain is not verified yet'],
  MISSING_TEMPLATE_VARIABLE: [422, 'invalid_request_error', 'a declared template variable without a default has no value'],
  RECIPIENT_NOT_ALLOWED_IN_SANDBOX: [422, 'invalid_request_error', 'the sandbox domain sends only to confirmed test inboxes'],
  RATE_LIMITED: [429, 'rate_limit_error', "the key's api_requests_per_second (its tenant's limit) or the sandbox allowance is used up; see Retry-After"],
  QUOTA_EXCEEDED: [429, 'rate_limit_error', "the send would take the tenant past its email_per_month or sms_per_month quota (live messages, UTC month); the message names the quota and period, Retry-After the seconds until it renews"],
  INTERNAL_ERROR: [500, 'api_error', 'a bug: please report it with the x-request-id'],
  PROVIDER_ERROR: [502, 'api_error', 'the email provider refused; retry'],
  DNS_UNAVAILABLE: [502, 'api_error', 'the DNS resolvers did not answer; retry'],
  SUBSCRIPTION_CONFIRMATION_FAILED: [502, 'api_error', 'confirming the SNS subscription failed; SNS retries'],
  SERVICE_UNAVAILABLE: [503, 'service_unavailable', 'Postgres or Redis is unreachable (or the sandbox limiter); retry after Retry-After'],
} as const satisfies Record<string, readonly [number, ErrorType, string]>;

export type ErrorCode = keyof typeof errorCatalogue;
export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

/** Every error body; statusCode, name and message repeat the error at the top level for clients of the resend SDK. */
export const errorSchema = z
  .object({
    error: z.object({
      type: z.enum([...new Set(Object.values(errorCatalogue).map(([, type]) => type))]),
      code: z.enum(errorCodes),
      message: z.string(),
    }),
    statusCode: z.int(),
    name: z.string().meta({ description: "the resend SDK's name for the error: validation_error, not_found, invalid_api_key, …" }),
    message: z.string(),
  })
  .register(schemas.responseSchemas, { id: 'Error' });

// ---------------------------------------------------------------------------------------------
// Examples (shapes of the presenters)

const at = '2026-04-02T10:00:00.000Z';
const tenantId = 'tnt_01jqz5w4v8k2m3n4p5q6r7s8t9';
const domainId = 'dom_01jqz5x1a2b3c4d5e6f7g8h9j0';
const messageId = 'msg_01jqz6a1b2c3d4e5f6g7h8j9k0';

const limits = { email_per_second: null, sms_per_second: null, email_per_month: 50_000, sms_per_month: null, api_requests_per_second: 10 };
const tenant = { id: tenantId, name: 'Acme Corp', slug: 'acme', external_ref: 'cust_12345', status: 'active', metadata: {}, created_at: at, suspended_at: null, limits };
const org = { id: 'org_01jqz5v1a2b3c4d5e6f7g8h9j0', name: 'My SaaS', default_tenant_limits: limits, created_at: at };
const key = {
  id: 'key_01jqz5y1a2b3c4d5e6f7g8h9j0',
  name: 'Acme primary',
  tenant_id: tenantId,
  environment: 'live',
  scopes: ['emails:send', 'sms:send', 'messages:read'],
  allowed_domain_ids: [domainId],
  last_four: 'f00d',
  created_at: at,
  last_used_at: null,
};
const domain = {
  id: domainId,
  name: 'acme.com',
  tenant_id: tenantId,
  status: 'pending',
  dns_records: [
    { type: 'CNAME', name: 'abc._domainkey.acme.com', value: 'abc.dkim.amazonses.com', recommended: false },
    { type: 'TXT', name: '_amazonses.acme.com', value: 'randomtoken', recommended: false },
  ],
  records: [
    { record: 'DKIM', name: 'abc._domainkey.acme.com', type: 'CNAME', ttl: 'Auto', status: 'pending', value: 'abc.dkim.amazonses.com' },
    { record: 'Verification', name: '_amazonses.acme.com', type: 'TXT', ttl: 'Auto', status: 'pending', value: 'randomtoken' },
  ],
  created_at: at,
  verified_at: null,
  last_checked_at: null,
};
const email = {
  id: messageId,
  object: 'email',
  channel: 'email',
  tenant_id: tenantId,
  environment: 'live',
  status: 'sent',
  from: 'welcome@acme.com',
  to: ['new-customer@example.com'],
  cc: [],
  bcc: [],
  reply_to: [],
  subject: 'Welcome to Acme',
  template_id: null,
  tags: [],
  scheduled_at: null,
  sent_at: at,
  content_erased: false,
  provider_message_id: '0100018e-ses-id',
  last_error: null,
  created_at: at,
  updated_at: at,
};
const suppression = { id: 'sup_01jqz7a1b2c3d4e5f6g7h8j9k0', address: 'someone@example.com', tenant_id: tenantId, environment: 'live', reason: 'manual', source: 'key_01jqz5y1a2b3c4d5e6f7g8h9j0', created_at: at };
const endpoint = {
  id: 'whe_01jqz8a1b2c3d4e5f6g7h8j9k0',
  url: 'https://acme.com/api/sendoka-webhook',
  tenant_id: tenantId,
  environment: 'live',
  events: ['message.delivered', 'message.bounced'],
  description: null,
  enabled: true,
  disabled_reason: null,
  created_at: at,
  updated_at: at,
};
const delivery = {
  id: 'whd_01jqz9a1b2c3d4e5f6g7h8j9k0',
  endpoint_id: endpoint.id,
  event_id: 'evt_01jqz9b1b2c3d4e5f6g7h8j9k0',
  event_type: 'message.delivered',
  status: 'succeeded',
  attempt_count: 1,
  last_status_code: 200,
  last_error: null,
  next_attempt_at: null,
  delivered_at: at,
  created_at: at,
  attempts: [{ attempt: 1, status_code: 200, latency_ms: 84, error: null, attempted_at: at, next_attempt_at: null }],
};
const smsSender = { id: 'snd_01jqzea1b2c3d4e5f6g7h8j9k0', tenant_id: tenantId, type: 'sender_id', value: 'ACMEBANK', created_at: at };
const testInbox = { id: 'tib_01jqzaa1b2c3d4e5f6g7h8j9k0', email: 'dev@acme.com', tenant_id: tenantId, status: 'pending', created_at: at, confirmed_at: null };
const totals = { email_live: 18200, email_test: 34, sms_live: 112, sms_test: 0 };
const quotas = { email_per_month: { limit: 50_000, remaining: 31_800 }, sms_per_month: { limit: null, remaining: null } };
const template = {
  id: 'tpl_01jqzba1b2c3d4e5f6g7h8j9k0',
  name: 'Welcome',
  tenant_id: tenantId,
  environment: 'live',
  subject: 'Welcome, {{first_name}}',
  html: '<p>Hello {{first_name}}</p>',
  text: null,
  variables: [{ name: 'first_name', default: 'there' }],
  created_at: at,
  updated_at: at,
};
const audience = { id: 'aud_01jqzca1b2c3d4e5f6g7h8j9k0', name: 'Newsletter', tenant_id: tenantId, environment: 'live', created_at: at, updated_at: at };
const contact = {
  id: 'con_01jqzda1b2c3d4e5f6g7h8j9k0',
  audience_id: audience.id,
  email: 'reader@example.com',
  first_name: 'Ada',
  last_name: null,
  unsubscribed: false,
  metadata: {},
  created_at: at,
  updated_at: at,
};
const contactImport = {
  id: 'imp_01jqzea1b2c3d4e5f6g7h8j9k0',
  audience_id: audience.id,
  status: 'queued',
  total: 2500,
  processed: 0,
  created: 0,
  updated: 0,
  error: null,
  created_at: at,
  finished_at: null,
};
const page = (item: unknown) => ({ data: [item], has_more: false, next_cursor: null });
const deleted = (id: string) => ({ id, deleted: true });

// ---------------------------------------------------------------------------------------------
// Endpoints

const id = ':id';

const tagDescriptions: Record<string, string> = {
  operations: 'Probes, metrics, this document and the reference page; the cron and SES ingest hooks',
  tenants: "Your customers: each tenant's limits, status and deletion; the org's defaults",
  usage: 'Messages accepted per month, with what is left of each quota',
  keys: 'API keys: org-wide (root) or bound to one tenant, live or test, with scopes and allowed domains',
  domains: 'Sending domains with their DNS records, and sandbox test inboxes',
  sending: 'Email and SMS sends (with Idempotency-Key), schedules, SMS senders',
  messages: 'Sent and scheduled messages with their event timelines',
  suppressions: 'Addresses never sent to again (bounces, complaints, manual)',
  templates: 'Mustache templates for emails',
  audiences: 'Audiences, contacts and contact imports',
  webhooks: 'Endpoints that receive signed events (Standard Webhooks), and their delivery log',
};

export const endpoints: Endpoint[] = [
  // Operations (no API key)
  { method: 'get', path: '/healthz', tag: 'operations', summary: 'Liveness: the process is up', auth: 'none', success: { status: 200, schema: schemas.health, description: 'up', example: { status: 'ok' } } },
  {
    method: 'get',
    path: '/readyz',
    tag: 'operations',
    summary: 'Readiness: Postgres and Redis reachable, migrations current (503 otherwise)',
    auth: 'none',
    success: { status: 200, schema: schemas.readiness, description: 'ready', example: { status: 'ready', checks: { postgres: 'ok', redis: 'ok', migrations: 'ok' } } },
  },
  {
    method: 'get',
    path: '/metrics',
    tag: 'operations',
    summary: 'Prometheus metrics of this process',
    auth: 'none',
    success: { status: 200, description: 'Prometheus text format', contentType: 'text/plain' },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    tag: 'operations',
    summary: 'This document',
    auth: 'none',
    success: { status: 200, schema: schemas.openApiDocumentSchema, description: 'OpenAPI 3.1 document' },
  },
  { method: 'get', path: '/docs', tag: 'operations', summary: 'API reference page', auth: 'none', success: { status: 200, description: 'HTML', contentType: 'text/html' } },
  {
    method: 'get',
    path: '/admin/queues',
    tag: 'operations',
    summary: 'Bull Board: every queue (HTML app and its JSON API under this path); needs ADMIN_USERNAME/ADMIN_PASSWORD outside development',
    auth: 'admin',
    success: { status: 200, description: 'HTML', contentType: 'text/html' },
  },
  {
    method: 'post',
    path: '/api/cron/check-domains',
    tag: 'operations',
    summary: 'Checks every pending domain now (exists only when CRON_SECRET is set)',
    auth: 'cron',
    success: { status: 202, schema: schemas.domainCheckQueued, description: 'sweep queued', example: { queued: true, job_id: 'domain-check' } },
    errors: ['NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/api/v1/ingest/ses',
    tag: 'operations',
    summary: 'SES events through SNS (subscription confirmations and notifications), checked by signature',
    auth: 'sns',
    success: { status: 200, schema: schemas.received, description: 'received', example: { received: true } },
    errors: ['INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'SUBSCRIPTION_CONFIRMATION_FAILED'],
  },

  // Tenants
  {
    method: 'post',
    path: '/api/v1/tenants',
    tag: 'tenants',
    summary: 'Create a tenant',
    auth: { key: 'tenants:*' },
    body: tenants.createTenantInput,
    success: { status: 201, schema: schemas.tenant, description: 'the tenant', example: tenant },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE', 'SLUG_TAKEN'],
  },
  {
    method: 'get',
    path: '/api/v1/tenants',
    tag: 'tenants',
    summary: 'List tenants, newest first',
    auth: { key: 'tenants:*' },
    query: tenants.listTenantsQuery,
    success: { status: 200, schema: schemas.tenantPage, description: 'a page of tenants', example: page(tenant) },
  },
  { method: 'get', path: `/api/v1/tenants/${id}`, tag: 'tenants', summary: 'Get a tenant', auth: { key: 'tenants:*' }, success: { status: 200, schema: schemas.tenant, description: 'the tenant', example: tenant } },
  {
    method: 'patch',
    path: `/api/v1/tenants/${id}`,
    tag: 'tenants',
    summary: 'Update a tenant (limits: only the fields given change); status suspended makes its keys answer 403 TENANT_FORBIDDEN',
    auth: { key: 'tenants:*' },
    body: tenants.updateTenantInput,
    success: { status: 200, schema: schemas.tenant, description: 'the tenant', example: { ...tenant, status: 'suspended', suspended_at: at } },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE', 'SLUG_TAKEN', 'TENANT_DELETING'],
  },
  {
    method: 'delete',
    path: `/api/v1/tenants/${id}`,
    tag: 'tenants',
    summary: 'Delete a tenant and everything it owns, in the background; GET shows the progress',
    auth: { key: 'tenants:*' },
    success: { status: 202, schema: schemas.tenant, description: 'the tenant, status deleting', example: { ...tenant, status: 'deleting' } },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE'],
  },
  {
    method: 'get',
    path: `/api/v1/tenants/${id}/usage`,
    tag: 'usage',
    summary: "A tenant's usage in a month (tenant-bound keys: their own tenant only)",
    auth: { key: 'usage:read' },
    query: usage.usageQuery,
    success: { status: 200, schema: schemas.tenantUsage, description: 'usage, with each monthly quota\'s limit and what is left of it (null: no quota)', example: { tenant_id: tenantId, period: '2026-04', ...totals, quotas } },
  },
  {
    method: 'get',
    path: '/api/v1/usage',
    tag: 'usage',
    summary: "The org's usage in a month, with one entry per tenant",
    auth: { key: 'usage:read' },
    query: usage.usageQuery,
    success: { status: 200, schema: schemas.orgUsage, description: 'usage', example: { period: '2026-04', ...totals, tenants: [{ tenant_id: tenantId, ...totals, quotas }] } },
  },

  // The org
  {
    method: 'get',
    path: '/api/v1/org',
    tag: 'tenants',
    summary: "The key's org, with the limits its new tenants start with",
    auth: { key: 'tenants:*' },
    success: { status: 200, schema: schemas.org, description: 'the org', example: org },
  },
  {
    method: 'patch',
    path: '/api/v1/org',
    tag: 'tenants',
    summary: 'Change the default limits of tenants created from now on',
    auth: { key: 'tenants:*' },
    body: orgs.updateOrgInput,
    success: { status: 200, schema: schemas.org, description: 'the org', example: org },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE'],
  },

  // Keys
  {
    method: 'post',
    path: '/api/v1/keys',
    tag: 'keys',
    summary: 'Mint a key; the secret is in this response only',
    auth: { key: 'keys:*' },
    body: keys.createKeyInput,
    success: { status: 201, schema: schemas.keyWithSecret, description: 'the key with its secret', example: { ...key, secret: 'sok_live_abc123…' } },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE'],
  },
  { method: 'get', path: '/api/v1/keys', tag: 'keys', summary: 'List keys (never a secret)', auth: { key: 'keys:*' }, query: keys.listKeysQuery, success: { status: 200, schema: schemas.keyPage, description: 'a page of keys', example: page(key) } },
  { method: 'get', path: `/api/v1/keys/${id}`, tag: 'keys', summary: 'Get a key', auth: { key: 'keys:*' }, success: { status: 200, schema: schemas.key, description: 'the key', example: key } },
  {
    method: 'patch',
    path: `/api/v1/keys/${id}`,
    tag: 'keys',
    summary: "Update a key's name, scopes or allowed domains",
    auth: { key: 'keys:*' },
    body: keys.updateKeyInput,
    success: { status: 200, schema: schemas.key, description: 'the key', example: key },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE'],
  },
  {
    method: 'delete',
    path: `/api/v1/keys/${id}`,
    tag: 'keys',
    summary: 'Revoke a key',
    auth: { key: 'keys:*' },
    success: { status: 200, schema: schemas.keyRevoked, description: 'revoked', example: { id: key.id, revoked: true } },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE', 'CANNOT_REVOKE_OWN_KEY'],
  },

  // Domains and test inboxes
  {
    method: 'post',
    path: '/api/v1/domains',
    tag: 'domains',
    summary: 'Add a sending domain; the response lists the DNS records to publish',
    auth: { key: 'domains:write' },
    body: domains.createDomainInput,
    success: { status: 201, schema: schemas.domain, description: 'the domain', example: domain },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE', 'DOMAIN_TAKEN', 'PROVIDER_ERROR'],
  },
  { method: 'get', path: '/api/v1/domains', tag: 'domains', summary: 'List domains', auth: { key: 'domains:read' }, query: domains.listDomainsQuery, success: { status: 200, schema: schemas.domainPage, description: 'a page of domains', example: page(domain) } },
  { method: 'get', path: `/api/v1/domains/${id}`, tag: 'domains', summary: 'Get a domain', auth: { key: 'domains:read' }, success: { status: 200, schema: schemas.domain, description: 'the domain', example: domain } },
  {
    method: 'post',
    path: `/api/v1/domains/${id}/verify`,
    tag: 'domains',
    summary: 'Check the DNS records now',
    auth: { key: 'domains:write' },
    success: { status: 200, schema: schemas.domain, description: 'the domain with its current status', example: { ...domain, status: 'verified', verified_at: at } },
    errors: ['DNS_UNAVAILABLE', 'PROVIDER_ERROR'],
  },
  { method: 'delete', path: `/api/v1/domains/${id}`, tag: 'domains', summary: 'Delete a domain', auth: { key: 'domains:write' }, success: { status: 200, schema: schemas.deleted, description: 'deleted', example: deleted(domainId) }, errors: ['TEST_KEY_CANNOT_CHANGE_LIVE', 'PROVIDER_ERROR'] },
  {
    method: 'post',
    path: '/api/v1/test-inboxes',
    tag: 'domains',
    summary: 'Add a sandbox test inbox; a 6-digit code is emailed to it',
    auth: { key: 'domains:write' },
    body: testInboxes.createTestInboxInput,
    success: { status: 201, schema: schemas.testInbox, description: 'the test inbox', example: testInbox },
    errors: ['TEST_INBOX_EXISTS', 'RATE_LIMITED', 'PROVIDER_ERROR'],
  },
  {
    method: 'get',
    path: '/api/v1/test-inboxes',
    tag: 'domains',
    summary: 'List test inboxes',
    auth: { key: 'domains:read' },
    query: testInboxes.listTestInboxesQuery,
    success: { status: 200, schema: schemas.testInboxPage, description: 'a page of test inboxes', example: page(testInbox) },
  },
  { method: 'get', path: `/api/v1/test-inboxes/${id}`, tag: 'domains', summary: 'Get a test inbox', auth: { key: 'domains:read' }, success: { status: 200, schema: schemas.testInbox, description: 'the test inbox', example: testInbox } },
  {
    method: 'post',
    path: `/api/v1/test-inboxes/${id}/confirm`,
    tag: 'domains',
    summary: 'Confirm a test inbox with its code',
    auth: { key: 'domains:write' },
    body: testInboxes.confirmTestInboxInput,
    success: { status: 200, schema: schemas.testInbox, description: 'the confirmed test inbox', example: { ...testInbox, status: 'confirmed', confirmed_at: at } },
    errors: ['INVALID_CODE', 'TOO_MANY_ATTEMPTS'],
  },
  { method: 'delete', path: `/api/v1/test-inboxes/${id}`, tag: 'domains', summary: 'Delete a test inbox', auth: { key: 'domains:write' }, success: { status: 200, schema: schemas.deleted, description: 'deleted', example: deleted(testInbox.id) }, errors: ['TEST_KEY_CANNOT_CHANGE_LIVE'] },

  // Sending
  {
    method: 'post',
    path: '/api/v1/emails',
    tag: 'sending',
    summary: 'Send (or schedule) an email',
    auth: { key: 'emails:send' },
    body: sendEmailInput,
    idempotent: true,
    success: { status: 202, schema: schemas.emailAccepted, description: 'accepted', example: { id: messageId, status: 'queued' } },
    errors: ['NOT_FOUND', 'MESSAGE_TOO_LARGE', 'DOMAIN_NOT_ALLOWED_FOR_KEY', 'DOMAIN_NOT_VERIFIED', 'RECIPIENT_NOT_ALLOWED_IN_SANDBOX', 'MISSING_TEMPLATE_VARIABLE', 'QUOTA_EXCEEDED'],
  },
  {
    method: 'post',
    path: '/api/v1/emails/batch',
    tag: 'sending',
    summary: `Send up to ${maxEmailsPerBatch} emails, all or none (errors name the item: [index]); with the header x-batch-validation: permissive, each on its own (errors per index)`,
    auth: { key: 'emails:send' },
    body: sendEmailBatchInput,
    idempotent: true,
    headers: { 'x-batch-validation': { schema: batchValidation, description: 'strict: all or none; permissive: each email on its own, refusals in errors' } },
    success: {
      status: 202,
      schema: schemas.emailBatchAccepted,
      description: 'accepted, in order; a permissive batch also answers errors: [{index, message, code}] for the emails it refused',
      example: { data: [{ id: messageId, status: 'queued' }] },
    },
    errors: ['NOT_FOUND', 'MESSAGE_TOO_LARGE', 'DOMAIN_NOT_ALLOWED_FOR_KEY', 'DOMAIN_NOT_VERIFIED', 'RECIPIENT_NOT_ALLOWED_IN_SANDBOX', 'MISSING_TEMPLATE_VARIABLE', 'QUOTA_EXCEEDED'],
  },
  {
    method: 'get',
    path: '/api/v1/emails',
    tag: 'sending',
    summary: 'List emails, newest first (GET /messages narrowed to emails)',
    auth: { key: 'messages:read' },
    query: listEmailsQuery,
    success: { status: 200, schema: schemas.emailPage, description: 'a page of emails', example: page(email) },
  },
  {
    method: 'get',
    path: `/api/v1/emails/${id}`,
    tag: 'sending',
    summary: 'Get an email with its event timeline',
    auth: { key: 'messages:read' },
    success: { status: 200, schema: schemas.emailWithEvents, description: 'the email', example: { ...email, events: [] } },
  },
  {
    method: 'patch',
    path: `/api/v1/emails/${id}`,
    tag: 'sending',
    summary: 'Reschedule a scheduled email',
    auth: { key: 'emails:send' },
    body: rescheduleInput,
    success: { status: 200, schema: schemas.message, description: 'the message', example: { ...email, status: 'scheduled', sent_at: null, scheduled_at: at } },
    errors: ['MESSAGE_NOT_SCHEDULED'],
  },
  {
    method: 'post',
    path: `/api/v1/emails/${id}/cancel`,
    tag: 'sending',
    summary: 'Cancel a scheduled email',
    auth: { key: 'emails:send' },
    success: { status: 200, schema: schemas.message, description: 'the message', example: { ...email, status: 'canceled', sent_at: null } },
    errors: ['MESSAGE_NOT_SCHEDULED'],
  },
  {
    method: 'post',
    path: '/api/v1/sms',
    tag: 'sending',
    summary: 'Send (or schedule) an SMS',
    auth: { key: 'sms:send' },
    body: sendSmsInput,
    idempotent: true,
    success: { status: 202, schema: schemas.smsAccepted, description: 'accepted', example: { id: messageId, status: 'queued', to: '+14155550100', segments: 1, encoding: 'GSM-7' } },
    errors: ['NOT_FOUND', 'SMS_SENDER_NOT_REGISTERED', 'INVALID_PHONE_NUMBER', 'QUOTA_EXCEEDED'],
  },
  {
    method: 'post',
    path: '/api/v1/sms/senders',
    tag: 'sending',
    summary: 'Register a sender id or origination number for a tenant (or, without tenant_id, for every tenant of the org)',
    auth: { key: 'tenants:*' },
    body: smsSenders.createSmsSenderInput,
    success: { status: 201, schema: schemas.smsSender, description: 'registered', example: smsSender },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE', 'SMS_SENDER_TAKEN'],
  },
  {
    method: 'get',
    path: '/api/v1/sms/senders',
    tag: 'sending',
    summary: "List the SMS senders a key may send as (a tenant's key: its tenant's and the org-wide ones)",
    auth: { key: 'sms:send' },
    query: smsSenders.listSmsSendersQuery,
    success: { status: 200, schema: schemas.smsSenderPage, description: 'a page of SMS senders', example: page(smsSender) },
  },
  { method: 'get', path: `/api/v1/sms/senders/${id}`, tag: 'sending', summary: 'Get an SMS sender', auth: { key: 'sms:send' }, success: { status: 200, schema: schemas.smsSender, description: 'the SMS sender', example: smsSender } },
  {
    method: 'delete',
    path: `/api/v1/sms/senders/${id}`,
    tag: 'sending',
    summary: 'Unregister an SMS sender (scheduled SMS naming it then fail when due)',
    auth: { key: 'tenants:*' },
    success: { status: 200, schema: schemas.deleted, description: 'deleted', example: deleted(smsSender.id) },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE'],
  },
  {
    method: 'get',
    path: '/api/v1/messages',
    tag: 'messages',
    summary: 'List messages (emails and SMS), newest first',
    auth: { key: 'messages:read' },
    query: messages.listMessagesQuery,
    success: { status: 200, schema: schemas.messagePage, description: 'a page of messages', example: page(email) },
  },
  {
    method: 'get',
    path: `/api/v1/messages/${id}`,
    tag: 'messages',
    summary: 'Get a message with its event timeline',
    auth: { key: 'messages:read' },
    success: {
      status: 200,
      schema: schemas.messageWithEvents,
      description: 'the message',
      example: { ...email, events: [{ id: 'evt_01jqz6b1b2c3d4e5f6g7h8j9k0', type: 'queued', recipient: null, data: {}, created_at: at }] },
    },
  },

  // Suppressions
  {
    method: 'post',
    path: '/api/v1/suppressions',
    tag: 'suppressions',
    summary: 'Suppress an address (201), or get the existing suppression (200)',
    auth: { key: 'suppressions:write' },
    body: suppressions.createSuppressionInput,
    success: { status: 201, alsoStatus: 200, schema: schemas.suppression, description: 'the suppression', example: suppression },
  },
  {
    method: 'get',
    path: '/api/v1/suppressions',
    tag: 'suppressions',
    summary: "List suppressions (a tenant-bound key sees its tenant's and the org-wide ones)",
    auth: { key: 'suppressions:read' },
    query: suppressions.listSuppressionsQuery,
    success: { status: 200, schema: schemas.suppressionPage, description: 'a page of suppressions', example: page(suppression) },
  },
  { method: 'get', path: `/api/v1/suppressions/${id}`, tag: 'suppressions', summary: 'Get a suppression', auth: { key: 'suppressions:read' }, success: { status: 200, schema: schemas.suppression, description: 'the suppression', example: suppression } },
  {
    method: 'delete',
    path: `/api/v1/suppressions/${id}`,
    tag: 'suppressions',
    summary: 'Delete a suppression',
    auth: { key: 'suppressions:write' },
    success: { status: 200, schema: schemas.deleted, description: 'deleted', example: deleted(suppression.id) },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE', 'ORG_WIDE_SUPPRESSION'],
  },

  // Templates
  {
    method: 'post',
    path: '/api/v1/templates',
    tag: 'templates',
    summary: 'Create a template (Mustache; HTML-escaped in the HTML part)',
    auth: { key: 'templates:write' },
    body: templates.createTemplateInput,
    success: { status: 201, schema: schemas.template, description: 'the template', example: template },
  },
  {
    method: 'get',
    path: '/api/v1/templates',
    tag: 'templates',
    summary: 'List templates',
    auth: { key: 'templates:read' },
    query: templates.listTemplatesQuery,
    success: { status: 200, schema: schemas.templatePage, description: 'a page of templates', example: page(template) },
  },
  { method: 'get', path: `/api/v1/templates/${id}`, tag: 'templates', summary: 'Get a template', auth: { key: 'templates:read' }, success: { status: 200, schema: schemas.template, description: 'the template', example: template } },
  {
    method: 'patch',
    path: `/api/v1/templates/${id}`,
    tag: 'templates',
    summary: 'Update a template',
    auth: { key: 'templates:write' },
    body: templates.updateTemplateInput,
    success: { status: 200, schema: schemas.template, description: 'the template', example: template },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE'],
  },
  { method: 'delete', path: `/api/v1/templates/${id}`, tag: 'templates', summary: 'Delete a template', auth: { key: 'templates:write' }, success: { status: 200, schema: schemas.deleted, description: 'deleted', example: deleted(template.id) }, errors: ['TEST_KEY_CANNOT_CHANGE_LIVE'] },
  {
    method: 'post',
    path: `/api/v1/templates/${id}/render`,
    tag: 'templates',
    summary: 'Preview a template with variables',
    auth: { key: 'templates:read' },
    body: templates.renderTemplateInput,
    success: { status: 200, schema: schemas.renderedTemplate, description: 'the rendered parts', example: { subject: 'Welcome, Ada', html: '<p>Hello Ada</p>' } },
    errors: ['MISSING_TEMPLATE_VARIABLE'],
  },

  // Audiences and contacts
  {
    method: 'post',
    path: '/api/v1/audiences',
    tag: 'audiences',
    summary: 'Create an audience',
    auth: { key: 'contacts:write' },
    body: audiences.createAudienceInput,
    success: { status: 201, schema: schemas.audience, description: 'the audience', example: audience },
  },
  {
    method: 'get',
    path: '/api/v1/audiences',
    tag: 'audiences',
    summary: 'List audiences',
    auth: { key: 'contacts:read' },
    query: audiences.listAudiencesQuery,
    success: { status: 200, schema: schemas.audiencePage, description: 'a page of audiences', example: page(audience) },
  },
  { method: 'get', path: `/api/v1/audiences/${id}`, tag: 'audiences', summary: 'Get an audience', auth: { key: 'contacts:read' }, success: { status: 200, schema: schemas.audience, description: 'the audience', example: audience } },
  {
    method: 'patch',
    path: `/api/v1/audiences/${id}`,
    tag: 'audiences',
    summary: 'Rename an audience',
    auth: { key: 'contacts:write' },
    body: audiences.updateAudienceInput,
    success: { status: 200, schema: schemas.audience, description: 'the audience', example: audience },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE'],
  },
  {
    method: 'delete',
    path: `/api/v1/audiences/${id}`,
    tag: 'audiences',
    summary: 'Delete an audience and its contacts',
    auth: { key: 'contacts:write' },
    success: { status: 200, schema: schemas.deleted, description: 'deleted', example: deleted(audience.id) },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE'],
  },
  {
    method: 'post',
    path: `/api/v1/audiences/${id}/contacts`,
    tag: 'audiences',
    summary: 'Add a contact (unique by email within the audience)',
    auth: { key: 'contacts:write' },
    body: audiences.createContactInput,
    success: { status: 201, schema: schemas.contact, description: 'the contact', example: contact },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE', 'CONTACT_EXISTS'],
  },
  {
    method: 'get',
    path: `/api/v1/audiences/${id}/contacts`,
    tag: 'audiences',
    summary: "List an audience's contacts",
    auth: { key: 'contacts:read' },
    query: audiences.listContactsQuery,
    success: { status: 200, schema: schemas.contactPage, description: 'a page of contacts', example: page(contact) },
  },
  {
    method: 'post',
    path: `/api/v1/audiences/${id}/contacts/import`,
    tag: 'audiences',
    summary: 'Import contacts in the background (upserted by email)',
    auth: { key: 'contacts:write' },
    body: audiences.importContactsInput,
    success: { status: 202, schema: schemas.contactImport, description: 'the import', example: contactImport },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE'],
  },
  {
    method: 'get',
    path: `/api/v1/audiences/${id}/contacts/:contactId`,
    tag: 'audiences',
    summary: 'Get a contact',
    auth: { key: 'contacts:read' },
    success: { status: 200, schema: schemas.contact, description: 'the contact', example: contact },
  },
  {
    method: 'patch',
    path: `/api/v1/audiences/${id}/contacts/:contactId`,
    tag: 'audiences',
    summary: 'Update a contact (unsubscribed, names, metadata, email)',
    auth: { key: 'contacts:write' },
    body: audiences.updateContactInput,
    success: { status: 200, schema: schemas.contact, description: 'the contact', example: contact },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE', 'CONTACT_EXISTS'],
  },
  {
    method: 'delete',
    path: `/api/v1/audiences/${id}/contacts/:contactId`,
    tag: 'audiences',
    summary: 'Delete a contact',
    auth: { key: 'contacts:write' },
    success: { status: 200, schema: schemas.deleted, description: 'deleted', example: deleted(contact.id) },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE'],
  },
  {
    method: 'get',
    path: `/api/v1/audiences/${id}/imports/:importId`,
    tag: 'audiences',
    summary: "An import's progress",
    auth: { key: 'contacts:read' },
    success: { status: 200, schema: schemas.contactImport, description: 'the import', example: { ...contactImport, status: 'completed', processed: 2500, created: 2400, updated: 100, finished_at: at } },
  },

  // Webhooks
  {
    method: 'post',
    path: '/api/v1/webhooks/endpoints',
    tag: 'webhooks',
    summary: 'Create a webhook endpoint; the secret (whsec_…) is in this response only',
    auth: { key: 'webhooks:write' },
    body: webhooks.createEndpointInput,
    success: { status: 201, schema: schemas.webhookEndpointWithSecret, description: 'the endpoint with its secret', example: { ...endpoint, secret: 'whsec_…' } },
    errors: ['URL_NOT_ALLOWED'],
  },
  {
    method: 'get',
    path: '/api/v1/webhooks/endpoints',
    tag: 'webhooks',
    summary: 'List webhook endpoints',
    auth: { key: 'webhooks:read' },
    query: webhooks.listEndpointsQuery,
    success: { status: 200, schema: schemas.webhookEndpointPage, description: 'a page of endpoints', example: page(endpoint) },
  },
  { method: 'get', path: `/api/v1/webhooks/endpoints/${id}`, tag: 'webhooks', summary: 'Get a webhook endpoint', auth: { key: 'webhooks:read' }, success: { status: 200, schema: schemas.webhookEndpoint, description: 'the endpoint', example: endpoint } },
  {
    method: 'patch',
    path: `/api/v1/webhooks/endpoints/${id}`,
    tag: 'webhooks',
    summary: 'Update a webhook endpoint (url, events, enabled, description)',
    auth: { key: 'webhooks:write' },
    body: webhooks.updateEndpointInput,
    success: { status: 200, schema: schemas.webhookEndpoint, description: 'the endpoint', example: endpoint },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE', 'URL_NOT_ALLOWED'],
  },
  { method: 'delete', path: `/api/v1/webhooks/endpoints/${id}`, tag: 'webhooks', summary: 'Delete a webhook endpoint', auth: { key: 'webhooks:write' }, success: { status: 200, schema: schemas.deleted, description: 'deleted', example: deleted(endpoint.id) }, errors: ['TEST_KEY_CANNOT_CHANGE_LIVE'] },
  {
    method: 'post',
    path: `/api/v1/webhooks/endpoints/${id}/rotate-secret`,
    tag: 'webhooks',
    summary: `Rotate the secret; the previous one keeps signing for ${webhooks.secretOverlapMs / 3_600_000} h`,
    auth: { key: 'webhooks:write' },
    success: { status: 200, schema: schemas.webhookEndpointRotated, description: 'the endpoint with its new secret', example: { ...endpoint, secret: 'whsec_…', previous_secret_expires_at: at } },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE', 'TOO_MANY_SECRETS'],
  },
  {
    method: 'post',
    path: `/api/v1/webhooks/endpoints/${id}/test`,
    tag: 'webhooks',
    summary: 'Send a webhook.test event to the endpoint',
    auth: { key: 'webhooks:write' },
    success: { status: 202, schema: schemas.webhookTestSent, description: 'queued', example: { event_id: delivery.event_id, delivery_id: delivery.id } },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE', 'ENDPOINT_DISABLED'],
  },
  {
    method: 'get',
    path: `/api/v1/webhooks/endpoints/${id}/deliveries`,
    tag: 'webhooks',
    summary: "The endpoint's deliveries with every attempt",
    auth: { key: 'webhooks:read' },
    query: deliveryLog.listDeliveriesQuery,
    success: { status: 200, schema: schemas.webhookDeliveryPage, description: 'a page of deliveries', example: page(delivery) },
  },
  {
    method: 'post',
    path: `/api/v1/webhooks/deliveries/${id}/replay`,
    tag: 'webhooks',
    summary: 'Send a finished delivery again (same webhook-id)',
    auth: { key: 'webhooks:write' },
    success: { status: 202, schema: schemas.webhookDelivery, description: 'the delivery, pending again', example: { ...delivery, status: 'pending' } },
    errors: ['TEST_KEY_CANNOT_CHANGE_LIVE', 'ENDPOINT_DISABLED', 'DELIVERY_PENDING'],
  },
];

// ---------------------------------------------------------------------------------------------
// Route labels (for metrics)

const matchers = endpoints.map((entry) => ({
  method: entry.method.toUpperCase(),
  path: entry.path,
  pattern: new RegExp(`^${entry.path.replace(/:[A-Za-z_]+/g, '[^/]+')}/?$`),
}));
const adminPrefix = '/admin/queues';
/** Every request is labelled: the send paths repeat, so their scan over all endpoints is done once. */
const recentPatterns = new Map<string, string>();

/** The route pattern a request is for (`/api/v1/tenants/:id`), or `unmatched`: raw paths would make a label per id. */
export function routePattern(method: string, path: string): string {
  if (path === adminPrefix || path.startsWith(`${adminPrefix}/`)) return `${adminPrefix}/*`;
  const wanted = method === 'HEAD' ? 'GET' : method;
  const key = `${wanted} ${path}`;
  let pattern = recentPatterns.get(key);
  if (pattern === undefined) {
    pattern = matchers.find((matcher) => matcher.method === wanted && matcher.pattern.test(path))?.path ?? 'unmatched';
    // Bounded: paths carry ids. Clearing only costs a few scans.
    if (recentPatterns.size >= 10_000) recentPatterns.clear();
    recentPatterns.set(key, pattern);
  }
  return pattern;
}

// ---------------------------------------------------------------------------------------------
// The document

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  // Input side: what a caller sends, before defaults and transforms.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const componentRef = (schema: z.ZodType) => {
  const id = schemas.responseSchemas.get(schema)?.id;
  if (!id) throw new Error('a response schema must be one of api/schemas/responses.ts');
  return { $ref: `#/components/schemas/${id}` };
};

/**
 * The named response schemas. Converted on the input side, which adds no additionalProperties: false, so that
 * clients generated from the document accept fields added later.
 */
function componentSchemas(): Record<string, unknown> {
  const { schemas: converted } = z.toJSONSchema(schemas.responseSchemas, {
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
    // zod's date-time pattern restates the format in 500 characters.
    override: ({ jsonSchema: converted }) => {
      if (converted.format === 'date-time') delete converted.pattern;
    },
  });
  return Object.fromEntries(
    Object.entries(converted).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]),
  );
}

function errorCodesOf(entry: Endpoint): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  if (typeof entry.auth === 'object') {
    codes.add('INVALID_API_KEY').add('MISSING_SCOPE').add('TENANT_FORBIDDEN').add('RATE_LIMITED');
  }
  if (entry.auth === 'cron') codes.add('INVALID_CRON_SECRET');
  if (entry.auth === 'admin') codes.add('INVALID_ADMIN_CREDENTIALS');
  if (entry.auth === 'sns') codes.add('SNS_SIGNATURE_INVALID');
  if (entry.body) {
    for (const code of ['INVALID_JSON', 'MALFORMED_REQUEST', 'REQUEST_ABORTED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'UNSUPPORTED_ENCODING', 'UNSUPPORTED_CHARSET', 'VALIDATION_ERROR'] as const) {
      codes.add(code);
    }
  }
  if (entry.query || entry.idempotent) codes.add('VALIDATION_ERROR');
  if (entry.idempotent) codes.add('IDEMPOTENCY_KEY_REUSED').add('IDEMPOTENCY_REQUEST_IN_PROGRESS');
  if (entry.path.includes(':')) codes.add('NOT_FOUND');
  for (const code of entry.errors ?? []) codes.add(code);
  if (entry.auth !== 'none' && entry.auth !== 'admin') codes.add('SERVICE_UNAVAILABLE');
  return [...codes].sort((a, b) => errorCatalogue[a][0] - errorCatalogue[b][0]);
}

const rateLimitHeaders = {
  'RateLimit-Limit': { description: "the key's requests a second (its tenant's api_requests_per_second)", schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'requests left in the current second', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'seconds until the allowance renews', schema: { type: 'integer' } },
};
const retryAfterHeader = { 'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer' } } };

function errorResponses(codes: ErrorCode[]) {
  const byStatus = groupBy(codes, (code) => errorCatalogue[code][0]);
  return Object.fromEntries(
    [...byStatus].map(([status, ofStatus]) => [
      String(status),
      {
        description: ofStatus.map((code) => `\`${code}\`: ${errorCatalogue[code][2]}`).join('; '),
        ...(status === 429 ? { headers: { ...retryAfterHeader, ...rateLimitHeaders } } : {}),
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Error' },
            examples: Object.fromEntries(
              ofStatus.map((code) => [code, { value: errorBody(new ApiError(status, errorCatalogue[code][1], code, errorCatalogue[code][2])) }]),
            ),
          },
        },
      },
    ]),
  );
}

function security(entry: Endpoint) {
  if (typeof entry.auth === 'object') return [{ apiKey: [entry.auth.key] }];
  if (entry.auth === 'cron') return [{ cronSecret: [] }];
  if (entry.auth === 'admin') return [{ adminBasic: [] }];
  return [];
}

function operation(entry: Endpoint) {
  const parameters: Record<string, unknown>[] = [];
  for (const name of entry.path.match(/:[A-Za-z_]+/g) ?? []) {
    parameters.push({ name: name.slice(1), in: 'path', required: true, schema: { type: 'string' } });
  }
  if (entry.query) {
    const query = jsonSchema(entry.query) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
  }
  if (entry.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: `Replays the first response for ${idempotencyWindowHours} hours for the same body; a different body is 409 IDEMPOTENCY_KEY_REUSED`,
      schema: jsonSchema(idempotencyKeyHeader),
    });
  }
  for (const [name, { schema, description }] of Object.entries(entry.headers ?? {})) {
    parameters.push({ name, in: 'header', required: false, description, schema: jsonSchema(schema) });
  }
  const scope = typeof entry.auth === 'object' ? `Scope: \`${entry.auth.key}\`.` : undefined;
  const contentType = entry.success.contentType ?? 'application/json';
  const success = {
    description: entry.success.description,
    ...(typeof entry.auth === 'object' ? { headers: rateLimitHeaders } : {}),
    content: {
      [contentType]: {
        schema: entry.success.schema ? componentRef(entry.success.schema) : { type: 'string' },
        ...(entry.success.example === undefined ? {} : { example: entry.success.example }),
      },
    },
  };
  return {
    tags: [entry.tag],
    summary: entry.summary,
    ...(scope ? { description: scope, 'x-scope': typeof entry.auth === 'object' ? entry.auth.key : undefined } : {}),
    operationId: `${entry.method}${entry.path.replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) => (next ?? '').toUpperCase())}`,
    security: security(entry),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(entry.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(entry.body) } } } } : {}),
    responses: {
      ...Object.fromEntries([entry.success.status, entry.success.alsoStatus].flatMap((status) => (status === undefined ? [] : [[String(status), success]]))),
      ...errorResponses(errorCodesOf(entry)),
    },
  };
}

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
function buildDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const entry of endpoints) {
    const openApiPath = entry.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    paths[openApiPath] = { ...paths[openApiPath], [entry.method]: operation(entry) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sendoka API',
      version: '1',
      description:
        'Multi-tenant email and SMS sending. Every error is `{"error":{"type","code","message"}}`; lists are newest first with ' +
        `\`?limit=1..${maxPageSize}&after=<id>\`. Answers to a key whose tenant has \`api_requests_per_second\` carry ` +
        '`RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (keys without such a limit get none); every 429 carries `Retry-After`.',
    },
    servers: [{ url: '/', description: 'the Sendoka installation serving this document' }],
    tags: [...new Set(endpoints.map((entry) => entry.tag))].map((name) => ({ name, description: tagDescriptions[name] })),
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (sok_live_… or sok_test_…); the requirement lists the scope it needs' },
        cronSecret: { type: 'http', scheme: 'bearer', description: 'CRON_SECRET' },
        adminBasic: { type: 'http', scheme: 'basic', description: 'ADMIN_USERNAME / ADMIN_PASSWORD' },
      },
      schemas: componentSchemas(),
    },
    'x-error-codes': Object.fromEntries(errorCodes.map((code) => [code, { status: errorCatalogue[code][0], type: errorCatalogue[code][1], description: errorCatalogue[code][2] }])),
  };
}

let document: ReturnType<typeof buildDocument> | undefined;

/** Built once: converting every schema costs about 50 ms, and the document is served without a key. */
export function openApiDocument() {
  document ??= buildDocument();
  return document;
}
