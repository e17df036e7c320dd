import { type CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/platform/schema/index.js';
import type { Principal } from '../src/access/principal.js';
import { allScopes, tenantScopes } from '../src/access/scopes.js';
import { idFloor, newId } from '../src/platform/ids.js';
import { listMessages, listMessagesQuery } from '../src/messages/read.js';
import { listTenants, listTenantsQuery } from '../src/tenants/tenants.js';
import { listKeys, listKeysQuery } from '../src/keys/keys.js';
import { listSuppressions, listSuppressionsQuery } from '../src/suppressions/suppressions.js';
import { ctx, db, newOrg } from './helpers.js';

// A list page reads a page: the plans of the list queries, on tables big enough that the planner's choice
// means something, use indexes in id order (or a small set of matches), never a sequential scan of the table.
// (A per-row "tenant not deleting" anti-join once made the planner expect one row and scan and sort them all.)

const rowsPerTenant = 20_000;

// The list functions run against a second handle on the test database that records the SQL they send.
const pool = new pg.Pool({ connectionString: ctx.config.DATABASE_URL, max: 2 });
const recorded: CompiledQuery[] = [];
const recording = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => {
    if (event.level === 'query') recorded.push(event.query);
  },
});
afterAll(() => recording.destroy());

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** The tables each query scans sequentially, from EXPLAIN (no execution). */
async function seqScannedTables(queries: CompiledQuery[]): Promise<string[]> {
  const scanned: string[] = [];
  for (const query of queries) {
    const { rows } = await pool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`explain (format json) ${query.sql}`, [...query.parameters]);
    const plan = rows[0]!['QUERY PLAN'][0]!.Plan;
    for (const node of nodesOf(plan)) if (node['Node Type'] === 'Seq Scan') scanned.push(node['Relation Name']!);
  }
  return scanned;
}

/** The queries `list` sends, and the tables their plans scan sequentially. */
async function plansOf(list: (handle: Kysely<Database>) => Promise<unknown>) {
  recorded.length = 0;
  await list(recording);
  const queries = [...recorded];
  return { queries, seqScanned: await seqScannedTables(queries) };
}

const principalFor = (orgId: string, tenantId: string | null, environment: 'live' | 'test' = 'live'): Principal => ({
  orgId,
  keyId: newId('key'),
  tenantId,
  environment,
  scopes: new Set(tenantId === null ? allScopes : tenantScopes),
  allowedDomainIds: null,
  limits: null,
});

describe('list query plans', () => {
  let orgId: string;
  let tenantId: string;
  let siblingId: string;
  let deletingId: string;
  let recipient: string;
  let cursor: string;

  beforeAll(async () => {
    ({ orgId } = await newOrg());
    const otherOrg = await newOrg('Other SaaS');
    const stamp = idFloor('message', new Date()).slice('msg_'.length);
    const suffix = Math.random().toString(36).slice(2, 8);
    tenantId = newId('tenant');
    siblingId = newId('tenant');
    deletingId = newId('tenant');
    await db
      .insertInto('tenants')
      .values([
        { id: tenantId, org_id: orgId, name: 'Acme', slug: `acme-${suffix}` },
        { id: siblingId, org_id: orgId, name: 'Globex', slug: `globex-${suffix}` },
        { id: deletingId, org_id: orgId, name: 'Initech', slug: `initech-${suffix}`, status: 'deleting' },
      ])
      .execute();
    // Many tenants, as in platform mode (one per customer), with a key each.
    await sql`
      insert into tenants (id, org_id, name, slug)
      select ${`tnt_${stamp}`} || lpad(g::text, 16, '0'), ${orgId}, 'Customer ' || g, ${suffix} || '-customer-' || g
      from generate_series(1, ${rowsPerTenant}::int) g`.execute(db);
    await sql`
      insert into api_keys (id, org_id, tenant_id, name, environment, scopes, secret_sha256, last_four)
      select ${`key_${stamp}`} || lpad(g::text, 16, '0'), ${orgId}, ${`tnt_${stamp}`} || lpad(g::text, 16, '0'), 'key', 'live',
             array['emails:send'], sha256((${suffix} || g)::bytea), 'abcd'
      from generate_series(1, ${rowsPerTenant}::int) g`.execute(db);
    // The tenant's messages interleaved with a sibling's, a deleting tenant's, org-wide ones and another org's.
    await sql`
      insert into messages (id, org_id, tenant_id, channel, environment, status, sender, recipients, content, tags)
      select ${`msg_${stamp}`} || lpad(g::text, 16, '0'),
             case when g % 5 = 4 then ${otherOrg.orgId} else ${orgId} end,
             case g % 5 when 0 then ${tenantId} when 1 then ${siblingId} when 2 then ${deletingId} when 3 then null else null end,
             'email', case when g % 100 = 0 then 'test' else 'live' end,
             case when g % 1000 = 0 then 'failed' else 'delivered' end, 'hello@acme.example',
             array['customer' || g || '@example.com'], '{}'::jsonb,
             jsonb_build_array(jsonb_build_object('name', 'campaign', 'value', 'c' || (g % 1000)))
      from generate_series(1, ${rowsPerTenant * 5}::int) g`.execute(db);
    await sql`
      insert into suppressions (id, org_id, tenant_id, address, reason)
      select ${`sup_${stamp}`} || lpad(g::text, 16, '0'), ${orgId}, case when g % 2 = 0 then ${tenantId} else ${siblingId} end,
             'bounced' || g || '@example.com', case when g % 500 = 0 then 'complaint' else 'bounce' end
      from generate_series(1, ${rowsPerTenant}::int) g`.execute(db);
    for (const table of ['messages', 'tenants', 'api_keys', 'suppressions'] as const) await sql`analyze ${sql.table(table)}`.execute(db);
    recipient = `customer${rowsPerTenant * 5}@example.com`;
    cursor = `msg_${stamp}${String(rowsPerTenant * 2).padStart(16, '0')}`;
  });

  const messageCases: Array<[string, Record<string, string>]> = [
    ['no filter', {}],
    ['limit 100', { limit: '100' }],
    ['a later page', { after: 'cursor' }],
    ['status', { status: 'failed' }],
    ['recipient', { to: 'recipient' }],
    ['tag', { tag: 'campaign:c7' }],
  ];

  for (const [name, raw] of messageCases) {
    for (const holder of ['tenant key', 'root key', 'tenant test key', 'root test key'] as const) {
      it(`messages, ${name}, ${holder}: no sequential scan`, async () => {
        const tenant = holder.startsWith('tenant') ? tenantId : null;
        const principal = principalFor(orgId, tenant, holder.endsWith('test key') ? 'test' : 'live');
        const query = listMessagesQuery.parse({
          ...raw,
          ...(raw.after ? { after: cursor } : {}),
          ...(raw.to ? { to: recipient } : {}),
        });
        const { queries, seqScanned } = await plansOf((handle) => listMessages(handle, principal, query));
        expect(queries.length).toBeGreaterThan(0);
        expect(seqScanned).toEqual([]);
      });
    }
  }

  it('messages: the page is the visible rows, newest first, for tenant, root and test keys', async () => {
    const tenantPage = await listMessages(db, principalFor(orgId, tenantId), listMessagesQuery.parse({ limit: '100' }));
    expect(tenantPage.data).toHaveLength(100);
    expect(new Set(tenantPage.data.map((message) => message.tenant_id))).toEqual(new Set([tenantId]));
    expect(tenantPage.data.map((message) => message.id)).toEqual(tenantPage.data.map((message) => message.id).sort().reverse());
    const rootPage = await listMessages(db, principalFor(orgId, null), listMessagesQuery.parse({ limit: '100' }));
    const rootTenants = new Set(rootPage.data.map((message) => message.tenant_id));
    expect(rootTenants.has(deletingId)).toBe(false);
    expect([...rootTenants].sort()).toEqual([siblingId, tenantId, null].sort());
    const testPage = await listMessages(db, principalFor(orgId, tenantId, 'test'), listMessagesQuery.parse({ limit: '100' }));
    expect(testPage.data.length).toBeGreaterThan(0);
    expect(new Set(testPage.data.map((message) => `${message.tenant_id} ${message.environment}`))).toEqual(new Set([`${tenantId} test`]));
    const deletingPage = await listMessages(db, principalFor(orgId, deletingId), listMessagesQuery.parse({}));
    expect(deletingPage.data).toEqual([]);
  });

  it('tenants, keys and suppressions pages: no sequential scan', async () => {
    const root = principalFor(orgId, null);
    const tenant = principalFor(orgId, tenantId);
    const lists = [
      plansOf((handle) => listTenants(handle, orgId, listTenantsQuery.parse({}))),
      plansOf((handle) => listKeys(handle, root, listKeysQuery.parse({}))),
      plansOf((handle) => listSuppressions(handle, root, listSuppressionsQuery.parse({}))),
      plansOf((handle) => listSuppressions(handle, tenant, listSuppressionsQuery.parse({}))),
    ];
    for (const list of lists) expect((await list).seqScanned).toEqual([]);
  });
});
