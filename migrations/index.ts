import type { Migration } from 'kysely';
import * as foundation from './20261129_0001_foundation.js';
import * as domains from './20261129_0002_domains.js';
import * as suppressionsUsage from './20261129_0003_suppressions_usage.js';
import * as messages from './20261129_0004_messages.js';
import * as webhooks from './20261129_0005_webhooks.js';
import * as sending from './20261129_0006_sending.js';
import * as tenantResources from './20261129_0007_tenant_resources.js';
import * as handover from './20261129_0008_handover.js';
import * as contentRetention from './20261130_0009_content_retention.js';
import * as testObjects from './20261130_0010_test_objects.js';
import * as smsSenders from './20261130_0011_sms_senders.js';
import * as providerMessageId from './20261130_0012_provider_message_id.js';
import * as fairDispatch from './20261130_0013_fair_dispatch.js';
import * as tenantLimits from './20261130_0014_tenant_limits.js';
import * as claimOwner from './20261130_0015_claim_owner.js';
import * as readIndexes from './20261208_0016_read_indexes.js';
import * as webhookRouting from './20261208_0017_webhook_routing.js';

/** Every migration, in order. Static imports so the same list works under tsx, vitest and a bundler. */
export const migrations: Record<string, Migration> = {
  '20261129_0001_foundation': foundation,
  '20261129_0002_domains': domains,
  '20261129_0003_suppressions_usage': suppressionsUsage,
  '20261129_0004_messages': messages,
  '20261129_0005_webhooks': webhooks,
  '20261129_0006_sending': sending,
  '20261129_0007_tenant_resources': tenantResources,
  '20261129_0008_handover': handover,
  '20261130_0009_content_retention': contentRetention,
  '20261130_0010_test_objects': testObjects,
  '20261130_0011_sms_senders': smsSenders,
  '20261130_0012_provider_message_id': providerMessageId,
  '20261130_0013_fair_dispatch': fairDispatch,
  '20261130_0014_tenant_limits': tenantLimits,
  '20261130_0015_claim_owner': claimOwner,
  '20261208_0016_read_indexes': readIndexes,
  '20261208_0017_webhook_routing': webhookRouting,
};
