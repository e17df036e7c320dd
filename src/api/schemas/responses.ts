import { z } from 'zod';
import { allScopes } from '../../access/scopes.js';
import { eventTypes } from '../../platform/event-types.js';
import { messageStatuses } from '../../platform/schema/messages.js';
import { suppressionReasons } from '../../platform/schema/suppressions.js';

/**
 * The shapes of the API's answers, as the presenters write them. The OpenAPI document publishes each under
 * its id in components.schemas (the typed client is generated from those), and test/openapi-conformance
 * checks real answers against them, so documentation and responses cannot drift apart.
 */
export const responseSchemas = z.registry<{ id: string; description?: string }>();

function named<S extends z.ZodType>(id: string, schema: S, description?: string): S {
  responseSchemas.add(schema, description ? { id, description } : { id });
  return schema;
}

const timestamp = z.iso.datetime().meta({ description: 'ISO 8601, UTC' });
const environment = z.enum(['live', 'test']);
const metadata = z.record(z.string(), z.string());

/** A page of a list: newest first; pass next_cursor as ?after= for the next page. */
export const pageOf = (id: string, item: z.ZodType) =>
  named(`${id}Page`, z.object({ data: z.array(item), has_more: z.boolean(), next_cursor: z.string().nullable() }));

export const deleted = named('Deleted', z.object({ id: z.string(), deleted: z.literal(true) }));

export const tenantLimits = named(
  'TenantLimits',
  z.object({
    email_per_second: z.int().nullable(),
    sms_per_second: z.int().nullable(),
    email_per_month: z.int().nullable(),
    sms_per_month: z.int().nullable(),
    api_requests_per_second: z.int().nullable(),
  }),
  'null = no limit',
);

export const tenantDeletion = named(
  'TenantDeletion',
  z.object({
    started_at: timestamp,
    finished_at: timestamp.nullable(),
    pass: z.int(),
    current_table: z.string().nullable(),
    rows_deleted: z.int(),
    rows_deleted_by_table: z.record(z.string(), z.int()),
  }),
);

export const tenant = named(
  'Tenant',
  z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    external_ref: z.string().nullable(),
    status: z.enum(['active', 'suspended', 'deleting']),
    metadata,
    created_at: timestamp,
    suspended_at: timestamp.nullable(),
    limits: tenantLimits,
    deletion: tenantDeletion.nullable().optional().meta({ description: 'while status is deleting: its progress' }),
  }),
);

export const org = named('Org', z.object({ id: z.string(), name: z.string(), default_tenant_limits: tenantLimits, created_at: timestamp }));

export const key = named(
  'Key',
  z.object({
    id: z.string(),
    name: z.string(),
    tenant_id: z.string().nullable(),
    environment,
    scopes: z.array(z.enum(allScopes)),
    allowed_domain_ids: z.array(z.string()).nullable(),
    last_four: z.string(),
    created_at: timestamp,
    last_used_at: timestamp.nullable(),
  }),
);
export const keyWithSecret = named('KeyWithSecret', key.extend({ secret: z.string().meta({ description: 'shown in this response only' }) }));
export const keyRevoked = named('KeyRevoked', z.object({ id: z.string(), revoked: z.literal(true) }));

const dnsRecord = named(
  'DnsRecord',
  z.object({ type: z.enum(['CNAME', 'TXT']), name: z.string(), value: z.string(), recommended: z.boolean() }),
);
const resendDnsRecord = named(
  'ResendDnsRecord',
  z.object({
    record: z.enum(['DKIM', 'Verification', 'SPF', 'DMARC']),
    name: z.string(),
    type: z.enum(['CNAME', 'TXT']),
    ttl: z.literal('Auto'),
    status: z.enum(['pending', 'verified', 'failed', 'not_started']).meta({ description: 'the domain status; not_started for the advised records, which are not checked' }),
    value: z.string(),
  }),
);
export const domain = named(
  'Domain',
  z.object({
    id: z.string(),
    name: z.string(),
    tenant_id: z.string().nullable(),
    status: z.enum(['pending', 'verified', 'failed']),
    dns_records: z.array(dnsRecord),
    records: z.array(resendDnsRecord).meta({ description: "dns_records in the resend SDK's shape" }),
    created_at: timestamp,
    verified_at: timestamp.nullable(),
    last_checked_at: timestamp.nullable(),
  }),
);

export const testInbox = named(
  'TestInbox',
  z.object({
    id: z.string(),
    email: z.string(),
    tenant_id: z.string().nullable(),
    status: z.enum(['pending', 'confirmed']),
    created_at: timestamp,
    confirmed_at: timestamp.nullable(),
  }),
);

export const emailAccepted = named('EmailAccepted', z.object({ id: z.string(), status: z.enum(['queued', 'scheduled']) }));
export const emailBatchAccepted = named(
  'EmailBatchAccepted',
  z.object({
    data: z.array(emailAccepted),
    errors: z
      .array(z.object({ index: z.int(), message: z.string(), code: z.string() }))
      .optional()
      .meta({ description: 'with x-batch-validation: permissive, the emails refused, by index' }),
  }),
);
export const smsAccepted = named(
  'SmsAccepted',
  z.object({ id: z.string(), status: z.enum(['queued', 'scheduled']), to: z.string(), segments: z.int(), encoding: z.string() }),
);

const tag = z.object({ name: z.string(), value: z.string() });
const messageCommon = {
  id: z.string(),
  tenant_id: z.string().nullable(),
  environment,
  status: z.enum(messageStatuses),
  from: z.string(),
  to: z.array(z.string()),
  content_erased: z.boolean(),
  tags: z.array(tag),
  scheduled_at: timestamp.nullable(),
  sent_at: timestamp.nullable(),
  provider_message_id: z.string().nullable(),
  last_error: z.string().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
};
export const emailMessage = named(
  'EmailMessage',
  z.object({
    ...messageCommon,
    object: z.literal('email'),
    channel: z.literal('email'),
    cc: z.array(z.string()),
    bcc: z.array(z.string()),
    reply_to: z.array(z.string()),
    subject: z.string().nullable(),
    template_id: z.string().nullable(),
  }),
);
export const smsMessage = named(
  'SmsMessage',
  z.object({ ...messageCommon, object: z.literal('sms'), channel: z.literal('sms'), body: z.string().nullable(), segments: z.int().optional() }),
);
export const message = named('Message', z.discriminatedUnion('channel', [emailMessage, smsMessage]));
const messageEvent = named(
  'MessageEvent',
  z.object({ id: z.string(), type: z.string(), recipient: z.string().nullable(), data: z.record(z.string(), z.unknown()), created_at: timestamp }),
);
export const messageWithEvents = named(
  'MessageWithEvents',
  z.discriminatedUnion('channel', [emailMessage.extend({ events: z.array(messageEvent) }), smsMessage.extend({ events: z.array(messageEvent) })]),
);

export const emailWithEvents = named('EmailWithEvents', emailMessage.extend({ events: z.array(messageEvent) }));

export const smsSender = named(
  'SmsSender',
  z.object({ id: z.string(), tenant_id: z.string().nullable(), type: z.enum(['sender_id', 'origination_number']), value: z.string(), created_at: timestamp }),
);

export const suppression = named(
  'Suppression',
  z.object({
    id: z.string(),
    address: z.string(),
    tenant_id: z.string().nullable(),
    environment,
    reason: z.enum(suppressionReasons),
    source: z.string().nullable(),
    created_at: timestamp,
  }),
);

const variableValue = z.union([z.string(), z.number(), z.boolean()]);
export const template = named(
  'Template',
  z.object({
    id: z.string(),
    name: z.string(),
    tenant_id: z.string().nullable(),
    environment,
    subject: z.string(),
    html: z.string().nullable(),
    text: z.string().nullable(),
    variables: z.array(z.object({ name: z.string(), default: variableValue.optional() })),
    created_at: timestamp,
    updated_at: timestamp,
  }),
);
export const renderedTemplate = named('RenderedTemplate', z.object({ subject: z.string(), html: z.string().optional(), text: z.string().optional() }));

export const audience = named(
  'Audience',
  z.object({ id: z.string(), name: z.string(), tenant_id: z.string().nullable(), environment, created_at: timestamp, updated_at: timestamp }),
);
export const contact = named(
  'Contact',
  z.object({
    id: z.string(),
    audience_id: z.string(),
    email: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    unsubscribed: z.boolean(),
    metadata,
    created_at: timestamp,
    updated_at: timestamp,
  }),
);
export const contactImport = named(
  'ContactImport',
  z.object({
    id: z.string(),
    audience_id: z.string(),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    total: z.int(),
    processed: z.int(),
    created: z.int(),
    updated: z.int(),
    error: z.string().nullable(),
    created_at: timestamp,
    finished_at: timestamp.nullable(),
  }),
);

export const webhookEndpoint = named(
  'WebhookEndpoint',
  z.object({
    id: z.string(),
    url: z.string(),
    tenant_id: z.string().nullable(),
    environment,
    events: z.array(z.enum(eventTypes)),
    description: z.string().nullable(),
    enabled: z.boolean(),
    disabled_reason: z.string().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  }),
);
export const webhookEndpointWithSecret = named(
  'WebhookEndpointWithSecret',
  webhookEndpoint.extend({ secret: z.string().meta({ description: 'whsec_…, shown in this response only' }) }),
);
export const webhookEndpointRotated = named(
  'WebhookEndpointRotated',
  webhookEndpointWithSecret.extend({ previous_secret_expires_at: timestamp.nullable() }),
);
export const webhookTestSent = named('WebhookTestSent', z.object({ event_id: z.string(), delivery_id: z.string().nullable() }));
const deliveryAttempt = named(
  'WebhookDeliveryAttempt',
  z.object({
    attempt: z.int(),
    status_code: z.int().nullable(),
    latency_ms: z.int().nullable(),
    error: z.string().nullable(),
    attempted_at: timestamp,
    next_attempt_at: timestamp.nullable(),
  }),
);
export const webhookDelivery = named(
  'WebhookDelivery',
  z.object({
    id: z.string(),
    endpoint_id: z.string(),
    event_id: z.string(),
    event_type: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempt_count: z.int(),
    last_status_code: z.int().nullable(),
    last_error: z.string().nullable(),
    next_attempt_at: timestamp.nullable(),
    delivered_at: timestamp.nullable(),
    created_at: timestamp,
    attempts: z.array(deliveryAttempt),
  }),
);

const quota = z.object({ limit: z.int().nullable(), remaining: z.int().nullable() });
const quotas = named('Quotas', z.object({ email_per_month: quota, sms_per_month: quota }), 'each monthly quota: its limit and what is left (null: no quota)');
const usageTotals = { email_live: z.int(), email_test: z.int(), sms_live: z.int(), sms_test: z.int() };
export const tenantUsage = named(
  'TenantUsage',
  z.object({ tenant_id: z.string(), period: z.string(), ...usageTotals, quotas: quotas.nullable().optional() }),
);
export const orgUsage = named(
  'OrgUsage',
  z.object({ period: z.string(), ...usageTotals, tenants: z.array(z.object({ tenant_id: z.string(), ...usageTotals, quotas: quotas.nullable() })) }),
);

export const health = named('Health', z.object({ status: z.literal('ok') }));
export const readiness = named(
  'Readiness',
  z.object({ status: z.enum(['ready', 'unavailable']), checks: z.record(z.string(), z.string()) }),
);
export const domainCheckQueued = named('DomainCheckQueued', z.object({ queued: z.literal(true), job_id: z.string().nullable() }));
export const received = named('Received', z.object({ received: z.literal(true) }));
export const openApiDocumentSchema = named('OpenApiDocument', z.record(z.string(), z.unknown()), 'this document');

export const tenantPage = pageOf('Tenant', tenant);
export const keyPage = pageOf('Key', key);
export const domainPage = pageOf('Domain', domain);
export const testInboxPage = pageOf('TestInbox', testInbox);
export const smsSenderPage = pageOf('SmsSender', smsSender);
export const messagePage = pageOf('Message', message);
export const emailPage = pageOf('EmailMessage', emailMessage);
export const suppressionPage = pageOf('Suppression', suppression);
export const templatePage = pageOf('Template', template);
export const audiencePage = pageOf('Audience', audience);
export const contactPage = pageOf('Contact', contact);
export const webhookEndpointPage = pageOf('WebhookEndpoint', webhookEndpoint);
export const webhookDeliveryPage = pageOf('WebhookDelivery', webhookDelivery);
