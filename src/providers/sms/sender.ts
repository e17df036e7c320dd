import { CheckIfPhoneNumberIsOptedOutCommand, PublishCommand } from '@aws-sdk/client-sns';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/schema/index.js';
import { localDeliveriesAmong, recordLocalDeliveries } from '../local-outbox.js';
import { failedOutcome, type SendOutcome } from '../outcome.js';

export interface OutboundSms {
  messageId: string;
  to: string;
  body: string;
  type: 'transactional' | 'promotional';
  senderId?: string;
  originationNumber?: string;
}

export interface SmsSender {
  /** Whether the number replied STOP (carriers and SNS then refuse to deliver). */
  isOptedOut(phoneNumber: string): Promise<boolean>;
  send(sms: OutboundSms): Promise<SendOutcome>;
  /** Which of these messages the provider has received; null when it cannot tell. */
  received(messageIds: string[]): Promise<Set<string> | null>;
}

const retryableSnsErrors = new Set(['ThrottledException', 'ThrottlingException', 'InternalErrorException', 'KMSThrottlingException']);

/** SNS, or (development, tests) the local outbox. */
export function createSmsSender(config: Config, db: Kysely<Database>, sns: SNSClient): SmsSender {
  const snsSender: SmsSender = {
    async isOptedOut(phoneNumber) {
      const result = await sns.send(new CheckIfPhoneNumberIsOptedOutCommand({ phoneNumber }));
      return result.isOptedOut === true;
    },
    async send(sms) {
      const attributes: Record<string, { DataType: string; StringValue: string }> = {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: sms.type === 'promotional' ? 'Promotional' : 'Transactional' },
      };
      if (sms.senderId) attributes['AWS.SNS.SMS.SenderID'] = { DataType: 'String', StringValue: sms.senderId };
      if (sms.originationNumber) attributes['AWS.MM.SMS.OriginationNumber'] = { DataType: 'String', StringValue: sms.originationNumber };
      try {
        const result = await sns.send(new PublishCommand({ PhoneNumber: sms.to, Message: sms.body, MessageAttributes: attributes }));
        return { ok: true, providerMessageId: result.MessageId ?? '' };
      } catch (error) {
        return failedOutcome(error, retryableSnsErrors);
      }
    },
    // SNS has no lookup by our message id.
    async received() {
      return null;
    },
  };

  /** Development provider: records each SMS in `local_outbox` (channel sms) instead of sending it. */
  const localSender: SmsSender = {
    async isOptedOut() {
      return false;
    },
    async send(sms) {
      await recordLocalDeliveries(db, 'sms', [{ messageId: sms.messageId, payload: sms }]);
      return { ok: true, providerMessageId: `local-${sms.messageId}` };
    },
    received: (messageIds) => localDeliveriesAmong(db, messageIds),
  };

  return config.SMS_PROVIDER === 'sns' ? snsSender : localSender;
}
