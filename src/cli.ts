import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { type Config, loadConfig } from './platform/config.js';
import { createDb } from './platform/db.js';
import type { Database } from './platform/schema/index.js';
import { prepareDatabase } from './platform/setup.js';
import { insertKey } from './keys/keys.js';
import { createOrg, orgExists } from './orgs/orgs.js';
import { allScopes } from './access/scopes.js';

const usage = `Usage:
  sendoka migrate                                   create the database if missing and run migrations
  sendoka orgs create <name> [--json]               create an org and its first platform-root key
  sendoka keys create --org <org_id> [--name <name>] [--environment live|test] [--json]
                                                    mint another platform-root key for an org`;

async function createRootKey(db: Kysely<Database>, orgId: string, name: string, environment: 'live' | 'test') {
  return insertKey(db, orgId, { name, tenantId: null, environment, scopes: allScopes, allowedDomainIds: null });
}

function printKey(key: { id: string; secret: string }) {
  console.log(`key:    ${key.id}`);
  console.log(`secret: ${key.secret}`);
  console.log('The secret is shown once: store it now (e.g. export SENDOKA_PLATFORM_KEY=...).');
}

/** The CLI needs the database only: no context, so no Redis connection to wait for. */
async function run(config: Config, db: Kysely<Database>, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      org: { type: 'string' },
      name: { type: 'string' },
      environment: { type: 'string', default: 'live' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [resource, action, ...rest] = positionals;
  if (values.help || !resource) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const environment = values.environment;
  if (environment !== 'live' && environment !== 'test') {
    console.error('--environment must be live or test');
    return 2;
  }

  if (resource === 'migrate') {
    const applied = await prepareDatabase(config, db);
    console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'database is up to date');
    return 0;
  }

  if (resource === 'orgs' && action === 'create') {
    const name = rest.join(' ').trim();
    if (!name) {
      console.error('sendoka orgs create <name>: the org needs a name');
      return 2;
    }
    await prepareDatabase(config, db);
    const org = await createOrg(db, name);
    const key = await createRootKey(db, org.id, values.name ?? 'Platform root', environment);
    if (values.json) {
      console.log(JSON.stringify({ org_id: org.id, name: org.name, key: { id: key.id, secret: key.secret, environment } }));
    } else {
      console.log(`org:    ${org.id} (${org.name})`);
      printKey(key);
    }
    return 0;
  }

  if (resource === 'keys' && action === 'create') {
    if (!values.org) {
      console.error('sendoka keys create: --org <org_id> is required');
      return 2;
    }
    await prepareDatabase(config, db);
    if (!(await orgExists(db, values.org))) {
      console.error(`no org ${values.org}`);
      return 1;
    }
    const key = await createRootKey(db, values.org, values.name ?? 'Platform root', environment);
    if (values.json) console.log(JSON.stringify({ org_id: values.org, key: { id: key.id, secret: key.secret, environment } }));
    else printKey(key);
    return 0;
  }

  console.error(usage);
  return 2;
}

let db: Kysely<Database> | undefined;
try {
  const config = loadConfig();
  db = createDb(config);
  process.exitCode = await run(config, db, process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db?.destroy();
}
