import { CheckIfPhoneNumberIsOptedOutCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { startApi, testContext } from './helpers.js';
import { runWorkers, settled, smsTenants } from './sending-helpers.js';

// SNS has no local emulator: the SDK client itself is mocked; our modules run unchanged.
const sns = mockClient(SNSClient);
const ctx = testContext({ SMS_PROVIDER: 'sns', AWS_REGION: 'us-east-1', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_sns_${process.pid}` });

const { call } = startApi(ctx);
runWorkers(ctx, 'sms');

beforeEach(() => {
  sns.reset();
  sns.on(CheckIfPhoneNumberIsOptedOutCommand).resolves({ isOptedOut: false });
  sns.on(PublishCommand).resolves({ MessageId: 'sns-message-1' });
});

describe('SNS provider', () => {
  it('publishes with the phone number and SMS attributes and records the provider id', async () => {
    const { rootKey, acme } = await smsTenants(call);
    await call('POST', '/api/v1/sms/senders', { key: rootKey, body: { tenant_id: acme.id, sender_id: 'Acme' } });
    const sent = await call('POST', '/api/v1/sms', {
      key: acme.key,
      body: { to: '+14155550123', body: 'Your code is 1', sender_id: 'Acme', type: 'promotional' },
    });
    const message = await settled(call, acme.key, sent.body.id);
    expect(message).toMatchObject({ status: 'sent', provider_message_id: 'sns-message-1' });
    const publish = sns.commandCalls(PublishCommand).find((c) => c.args[0].input.PhoneNumber === '+14155550123');
    expect(publish?.args[0].input).toMatchObject({
      Message: 'Your code is 1',
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Promotional' },
        'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'Acme' },
      },
    });
  });

  it('suppresses a number that opted out and records the suppression', async () => {
    const { acme } = await smsTenants(call);
    sns.on(CheckIfPhoneNumberIsOptedOutCommand, { phoneNumber: '+14155550124' }).resolves({ isOptedOut: true });
    const sent = await call('POST', '/api/v1/sms', { key: acme.key, body: { to: '+14155550124', body: 'hi' } });
    expect((await settled(call, acme.key, sent.body.id)).status).toBe('suppressed');
    expect(sns.commandCalls(PublishCommand, { PhoneNumber: '+14155550124' })).toHaveLength(0);
    const suppressions = await call('GET', '/api/v1/suppressions?address=%2B14155550124', { key: acme.key });
    expect(suppressions.body.data).toMatchObject([{ address: '+14155550124', reason: 'unsubscribe' }]);
  });

  it('retries a throttled publish and then sends once', async () => {
    const { acme } = await smsTenants(call);
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException', $metadata: { httpStatusCode: 429 } });
    sns.on(PublishCommand, { PhoneNumber: '+14155550125' }).rejectsOnce(throttled).resolves({ MessageId: 'sns-after-retry' });
    const sent = await call('POST', '/api/v1/sms', { key: acme.key, body: { to: '+14155550125', body: 'retry me' } });
    const message = await settled(call, acme.key, sent.body.id);
    expect(message).toMatchObject({ status: 'sent', provider_message_id: 'sns-after-retry' });
    expect(sns.commandCalls(PublishCommand, { PhoneNumber: '+14155550125' })).toHaveLength(2);
  });
});
