import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { type Api, CliError } from './http.js';
import { fields, output, statusLine, table } from './output.js';

interface Tenant {
  id: string;
  name: string;
  slug: string;
  external_ref: string | null;
  status: 'active' | 'suspended' | 'deleting';
  created_at: string;
  suspended_at: string | null;
  deletion?: Deletion | null;
}

/** GET /tenants/:id's `deletion` while the tenant is being deleted. */
interface Deletion {
  pass: number;
  current_table: string | null;
  rows_deleted: number;
}

interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

/** How often `tenants delete --wait` asks how far the deletion is. */
const deletionPollMs = 1_000;
const maxPageSize = 100;

function describe(tenant: Tenant): string {
  const entries: [string, string | number | null][] = [
    ['id', tenant.id],
    ['name', tenant.name],
    ['slug', tenant.slug],
    ['external_ref', tenant.external_ref],
    ['status', tenant.status],
    ['created_at', tenant.created_at],
  ];
  if (tenant.suspended_at) entries.push(['suspended_at', tenant.suspended_at]);
  if (tenant.deletion) entries.push(['rows_deleted', tenant.deletion.rows_deleted]);
  return fields(entries);
}

/** "Acme Corp" → "acme-corp": the slug a tenant gets when none is given. */
const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export function tenantCommands(program: Command, api: () => Api) {
  const tenants = program.command('tenants').description("the org's tenants (a platform-root key)");

  tenants
    .command('create')
    .description('create a tenant')
    .argument('<name>', "the tenant's name")
    .option('--slug <slug>', 'unique within the org (default: from the name)')
    .option('--external-ref <ref>', 'your own id for this customer')
    .option('--json', 'print the tenant as JSON')
    .action(async (name: string, options: { slug?: string; externalRef?: string; json?: boolean }) => {
      const tenant = await api()<Tenant>('POST', '/tenants', { name, slug: options.slug ?? slugOf(name), external_ref: options.externalRef });
      output(options, tenant, () => describe(tenant));
    });

  tenants
    .command('list')
    .description("list the org's tenants, newest first")
    .option('--status <status>', 'only active, suspended or deleting ones')
    .option('--json', 'print the tenants as a JSON array')
    .action(async (options: { status?: string; json?: boolean }) => {
      const client = api();
      const all: Tenant[] = [];
      let after: string | null = null;
      do {
        const query = new URLSearchParams({ limit: String(maxPageSize), ...(options.status ? { status: options.status } : {}), ...(after ? { after } : {}) });
        const page: Page<Tenant> = await client('GET', `/tenants?${query}`);
        all.push(...page.data);
        after = page.next_cursor;
      } while (after);
      output(options, all, () =>
        table(
          ['id', 'slug', 'status', 'created_at', 'name'],
          all.map((tenant) => [tenant.id, tenant.slug, tenant.status, tenant.created_at, tenant.name]),
        ),
      );
    });

  tenants
    .command('get')
    .description('show a tenant (and how far its deletion is, while it is being deleted)')
    .argument('<id>', 'tenant id')
    .option('--json', 'print the tenant as JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      const tenant = await api()<Tenant>('GET', `/tenants/${encodeURIComponent(id)}`);
      output(options, tenant, () => describe(tenant));
    });

  for (const [action, status, description] of [
    ['suspend', 'suspended', "suspend a tenant: its keys are refused and its queued messages held"],
    ['resume', 'active', 'reactivate a suspended tenant: its held messages are sent'],
  ] as const) {
    tenants
      .command(action)
      .description(description)
      .argument('<id>', 'tenant id')
      .option('--json', 'print the tenant as JSON')
      .action(async (id: string, options: { json?: boolean }) => {
        const tenant = await api()<Tenant>('PATCH', `/tenants/${encodeURIComponent(id)}`, { status });
        output(options, tenant, () => describe(tenant));
      });
  }

  tenants
    .command('delete')
    .description('delete a tenant and all its data (keys stop working at once; the rows go in the background)')
    .argument('<id>', 'tenant id')
    .option('--wait', 'show the rows deleted until the deletion has finished')
    .option('--json', 'print the tenant as JSON')
    .action(async (id: string, options: { wait?: boolean; json?: boolean }) => {
      const client = api();
      const path = `/tenants/${encodeURIComponent(id)}`;
      const deleting = await client<Tenant>('DELETE', path);
      if (!options.wait) {
        output(options, deleting, () => describe(deleting));
        return;
      }
      await untilDeleted(client, deleting);
      output(options, { id, status: 'deleted' }, () => `tenant ${id} deleted`);
    });
}

/**
 * Polls the tenant until it is gone (a 404: its row is the last thing deleted), showing the rows deleted so far.
 * The API knows how many rows are gone, not how many there were, so this is a count, not a bar with an end.
 */
async function untilDeleted(api: Api, tenant: Tenant) {
  const status = statusLine();
  let current: Tenant = tenant;
  try {
    for (;;) {
      const deletion = current.deletion;
      status.update(
        deletion
          ? `deleting ${tenant.id}: ${deletion.rows_deleted.toLocaleString('en-US')} rows deleted` +
              (deletion.current_table ? ` (${deletion.current_table}, pass ${deletion.pass})` : '')
          : `deleting ${tenant.id}: starting`,
      );
      await sleep(deletionPollMs);
      try {
        current = await api<Tenant>('GET', `/tenants/${encodeURIComponent(tenant.id)}`);
      } catch (error) {
        if (error instanceof CliError && error.code === 'NOT_FOUND') return;
        throw error;
      }
    }
  } finally {
    status.end();
  }
}
