import type { ApiKeyTable } from './api-keys.js';
import type { AudienceTable } from './audiences.js';
import type { ContactImportTable } from './contact-imports.js';
import type { ContactTable } from './contacts.js';
import type { DomainTable } from './domains.js';
import type { IdempotencyRecordTable } from './idempotency-records.js';
import type { LocalOutboxTable } from './local-outbox.js';
import type { MessageEventTable } from './message-events.js';
import type { MessageTable } from './messages.js';
import type { OrgTable } from './orgs.js';
import type { SmsSenderTable } from './sms-senders.js';
import type { SuppressionTable } from './suppressions.js';
import type { TemplateTable } from './templates.js';
import type { TenantDeletionTable } from './tenant-deletions.js';
import type { TenantTable } from './tenants.js';
import type { TestInboxTable } from './test-inboxes.js';
import type { UsageCounterTable } from './usage-counters.js';
import type { WebhookAttemptTable } from './webhook-attempts.js';
import type { WebhookDeliveryTable } from './webhook-deliveries.js';
import type { WebhookEndpointTable } from './webhook-endpoints.js';
import type { WebhookEventTable } from './webhook-events.js';

// Every table, one file each; Kysely's Database is assembled here so a query sees them all.

export interface Database {
  orgs: OrgTable;
  tenants: TenantTable;
  tenant_deletions: TenantDeletionTable;
  api_keys: ApiKeyTable;
  idempotency_records: IdempotencyRecordTable;
  domains: DomainTable;
  messages: MessageTable;
  message_events: MessageEventTable;
  sms_senders: SmsSenderTable;
  suppressions: SuppressionTable;
  templates: TemplateTable;
  audiences: AudienceTable;
  contacts: ContactTable;
  contact_imports: ContactImportTable;
  usage_counters: UsageCounterTable;
  test_inboxes: TestInboxTable;
  local_outbox: LocalOutboxTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_events: WebhookEventTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
}

export * from './api-keys.js';
export * from './audiences.js';
export * from './contact-imports.js';
export * from './contacts.js';
export * from './domains.js';
export * from './idempotency-records.js';
export * from './local-outbox.js';
export * from './message-events.js';
export * from './messages.js';
export * from './orgs.js';
export * from './sms-senders.js';
export * from './suppressions.js';
export * from './templates.js';
export * from './tenant-deletions.js';
export * from './tenants.js';
export * from './test-inboxes.js';
export * from './usage-counters.js';
export * from './webhook-attempts.js';
export * from './webhook-deliveries.js';
export * from './webhook-endpoints.js';
export * from './webhook-events.js';
