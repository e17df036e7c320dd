import express, { Router } from 'express';
import type { AppContext } from '../../context.js';
import { ApiError } from '../../platform/errors.js';
import { maxRequestBytes } from '../../platform/limits.js';
import { ingestSesNotification } from '../../messages/provider-events/ses.js';
import { confirmSubscription, isSnsHostUrl, type SnsTrust, verifySnsMessage } from '../../messages/provider-events/sns.js';

/**
 * SES events arrive through SNS, which posts JSON as text/plain and proves itself by signature, not API key.
 * `trust` says which topics and certificate hosts to believe (the configured ones unless a test says otherwise).
 */
export function ingestRouter(
  ctx: AppContext,
  trust: SnsTrust = { topicArns: ctx.config.SES_SNS_TOPIC_ARNS, isTrustedAwsUrl: isSnsHostUrl },
): Router {
  const router = Router();
  router.post('/ses', express.text({ type: '*/*', limit: maxRequestBytes }), async (req, res) => {
    let body: unknown = req.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        throw new ApiError(400, 'invalid_request_error', 'INVALID_JSON', 'the body is not valid JSON');
      }
    }
    const message = await verifySnsMessage(body, trust);
    if (message.Type === 'SubscriptionConfirmation') {
      await confirmSubscription(message, trust);
      ctx.logger.info({ topicArn: message.TopicArn }, 'SNS subscription confirmed');
    } else if (message.Type === 'Notification') {
      await ingestSesNotification(ctx, message);
    }
    res.status(200).json({ received: true });
  });
  return router;
}
