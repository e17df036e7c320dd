import type { Kysely } from 'kysely';
import { allScopes } from '../access/scopes.js';
import { insertKey } from '../keys/keys.js';
import { createOrg, orgExists } from '../orgs/orgs.js';
import { type Config, loadConfig } from '../platform/config.js';
import { createDb } from '../platform/db.js';
import type { Database, KeyEnvironment } from '../platform/schema/index.js';
import { prepareDatabase } from '../platform/setup.js';
import { CliError } from './http.js';
import { fields, output } from './output.js';

// The commands that exist before any key does: they work on the database directly (DATABASE_URL), with no
// context, so no Redis connection to wait for.

async function withDatabase<T>(work: (config: Config, db: Kysely<Database>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = createDb(config);
  try {
    return await work(config, db);
  } finally {
    await db.destroy();
  }
}

const keyFields = (key: { id: string; secret: string }) =>
  fields([
    ['key', key.id],
    ['secret', key.secret],
  ]) + '\nThe secret is shown once: store it now (e.g. export SENDOKA_API_KEY=...).';

export async function migrate() {
  await withDatabase(async (config, db) => {
    const applied = await prepareDatabase(config, db);
    console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'database is up to date');
  });
}

export async function createOrgWithRootKey(name: string, options: { name: string; environment: KeyEnvironment; json?: boolean }) {
  await withDatabase(async (config, db) => {
    await prepareDatabase(config, db);
    const org = await createOrg(db, name);
    const key = await createRootKey(db, org.id, options);
    output(options, { org_id: org.id, name: org.name, key: { id: key.id, secret: key.secret, environment: options.environment } }, () =>
      `${fields([['org', `${org.id} (${org.name})`]])}\n${keyFields(key)}`,
    );
  });
}

export async function mintRootKey(orgId: string, options: { name: string; environment: KeyEnvironment; json?: boolean }) {
  await withDatabase(async (config, db) => {
    await prepareDatabase(config, db);
    if (!(await orgExists(db, orgId))) throw new CliError('NOT_FOUND', `no org ${orgId}`);
    const key = await createRootKey(db, orgId, options);
    output(options, { org_id: orgId, key: { id: key.id, secret: key.secret, environment: options.environment } }, () => keyFields(key));
  });
}

function createRootKey(db: Kysely<Database>, orgId: string, options: { name: string; environment: KeyEnvironment }) {
  return insertKey(db, orgId, { name: options.name, tenantId: null, environment: options.environment, scopes: allScopes, allowedDomainIds: null });
}
