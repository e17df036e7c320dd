// Sets up, in a fresh bench database and queue prefix, an org with a tenant, a verified domain and a
// tenant-bound live key. Fresh each run: earlier runs' rows and jobs (send-api.ts runs no worker) would
// otherwise make every run slower than the last. Run with the bench environment (bench/support.ts
// benchEnv); prints {"key","domain","domainId","orgId","tenantId"}. With --limited the tenant has an API rate and a
// monthly quota far above what a bench sends, so each send pays for both checks without being refused.
import { Redis } from 'ioredis';
import { loadConfig } from '../src/platform/config.js';
import { createContext } from '../src/context.js';
import { createDb } from '../src/platform/db.js';
import { dropDatabaseIfUnused } from '../src/platform/migrate.js';
import { newId } from '../src/platform/ids.js';
import { prepareDatabase } from '../src/platform/setup.js';
import { insertKey } from '../src/keys/keys.js';
import { createOrg } from '../src/orgs/orgs.js';
import { createTenant } from '../src/tenants/tenants.js';
import { tenantScopes } from '../src/access/scopes.js';

const config = loadConfig();
const db = createDb(config);
await dropDatabaseIfUnused(config.DATABASE_URL);
const redis = new Redis(config.REDIS_URL);
for await (const keys of redis.scanStream({ match: `${config.QUEUE_PREFIX}:*`, count: 1_000 }) as AsyncIterable<string[]>) {
  if (keys.length > 0) await redis.unlink(...keys);
}
redis.disconnect();

await prepareDatabase(config, db);
const org = await createOrg(db, 'Bench SaaS');
const suffix = Math.random().toString(36).slice(2, 8);
const limits = process.argv.includes('--limited') ? { api_requests_per_second: 100_000, email_per_month: 1_000_000_000 } : undefined;
const tenant = await createTenant(createContext(config, { db }), org.id, { name: 'Acme', slug: `acme-${suffix}`, limits });
const domain = `acme-${suffix}.example`;
const domainId = newId('domain');
await db
  .insertInto('domains')
  .values({ id: domainId, org_id: org.id, tenant_id: tenant.id, name: domain, status: 'verified', dkim_tokens: [], verification_token: 'x' })
  .execute();
const key = await insertKey(db, org.id, {
  name: 'bench',
  tenantId: tenant.id,
  environment: 'live',
  scopes: tenantScopes,
  allowedDomainIds: [domainId],
});
console.log(JSON.stringify({ key: key.secret, domain, domainId, orgId: org.id, tenantId: tenant.id }));
await db.destroy();
