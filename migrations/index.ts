import type { Migration } from 'kysely';
import * as foundation from './20261129_0001_foundation.js';

/** Every migration, in order. Static imports so the same list works under tsx, vitest and a bundler. */
export const migrations: Record<string, Migration> = {
  '20261129_0001_foundation': foundation,
};
