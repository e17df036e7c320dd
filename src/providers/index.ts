import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Kysely } from 'kysely';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/schema/index.js';
import { createIdentities, type SesTenantResources } from './email/identities.js';
import { createEmailSender, type EmailSender } from './email/sender.js';
import type { IdentityProvider } from './email/identities.js';
import { createSmsSender, type SmsSender } from './sms/sender.js';

/** The outside services an application context talks to, each chosen by configuration. */
export interface Providers {
  email: EmailSender;
  sms: SmsSender;
  identities: IdentityProvider;
  sesTenants: SesTenantResources;
}

export function createProviders(config: Config, db: Kysely<Database>): Providers {
  // One client each: the SDK pools connections per client. Creating one opens nothing until the first call.
  const ses = new SESv2Client({ region: config.AWS_REGION, endpoint: config.SES_ENDPOINT });
  const sns = new SNSClient({ region: config.AWS_REGION, endpoint: config.SNS_ENDPOINT });
  const sesTenants = createIdentities(config, ses);
  return {
    email: createEmailSender(config, db, ses, sesTenants),
    sms: createSmsSender(config, db, sns),
    identities: sesTenants.identities,
    sesTenants,
  };
}
