import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { config } from '../platform/config.js';

// One client per process: the SDK pools connections per client.
let ses: SESv2Client | undefined;
let sns: SNSClient | undefined;

export function sesClient(): SESv2Client {
  ses ??= new SESv2Client({ region: config.AWS_REGION, endpoint: config.SES_ENDPOINT });
  return ses;
}

export function snsClient(): SNSClient {
  sns ??= new SNSClient({ region: config.AWS_REGION, endpoint: config.SNS_ENDPOINT });
  return sns;
}
