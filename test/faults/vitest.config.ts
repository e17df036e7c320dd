import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

/**
 * `npm run test:faults`: the fault suite (private Postgres and Redis, killed and restarted), then the
 * fuzzer at 10,000 requests and the isolation matrix, one file at a time.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // Fault files end in .faults.ts so that `npm test` (test/**/*.test.ts) never runs them.
    include: ['test/faults/**/*.faults.ts', 'test/fuzz.test.ts', 'test/isolation.test.ts'],
    fileParallelism: false,
    testTimeout: 15 * 60_000,
    env: { ...base.test?.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000' },
  },
});
