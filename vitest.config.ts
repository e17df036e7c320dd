import { defineConfig } from 'vitest/config';

const testEnv = {
  NODE_ENV: 'test',
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sendoka_test',
  QUEUE_PREFIX: process.env.TEST_QUEUE_PREFIX ?? 'sendoka_test',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  // Tests receive webhooks on local http servers; the SSRF suite turns these off for itself.
  WEBHOOKS_ALLOW_PRIVATE: 'true',
  WEBHOOKS_ALLOW_INSECURE: 'true',
  // The AWS SDK reads credentials from the environment itself; tests point its clients at local endpoints or mocks.
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  // Processes the tests start in the `all` role open the SMTP relay too: on a free port, not all on 2587.
  SMTP_PORT: '0',
};
// The global setup runs in this process, before test.env reaches the workers.
Object.assign(process.env, testEnv);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    env: testEnv,
  },
});
