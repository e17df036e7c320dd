import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

// The unit tests alone, without the global setup (no build, no database): `npx vitest run -c test/unit/vitest.config.ts`.
// The main config runs them too, with everything else. The environment is the main config's, stated once there.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts'],
    env: base.test?.env,
  },
});
