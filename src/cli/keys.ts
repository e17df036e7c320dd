import { type Command, Option } from 'commander';
import type { Api } from './http.js';
import { fields, output } from './output.js';

interface CreatedKey {
  id: string;
  secret: string;
  tenant_id: string | null;
  environment: 'live' | 'test';
  scopes: string[];
  allowed_domain_ids: string[] | null;
}

const commaList = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export const environmentOption = () =>
  new Option('--environment <environment>', 'test keys never deliver').choices(['live', 'test']).default('live');

interface KeyOptions {
  org?: string;
  tenant?: string;
  name?: string;
  environment: 'live' | 'test';
  scopes?: string[];
  domains?: string[];
  json?: boolean;
}

export function keyCommands(program: Command, api: () => Api) {
  const keys = program.command('keys').description('API keys');

  keys
    .command('create')
    .description(
      'mint a key: with --org a platform-root key, written to the database (DATABASE_URL); ' +
        "with --tenant a key bound to that tenant, through the API (SENDOKA_API_KEY, a platform-root key)",
    )
    .addOption(new Option('--org <org_id>', 'a platform-root key for this org').conflicts(['tenant', 'scopes', 'domains']))
    .option('--tenant <tenant_id>', 'a key bound to this tenant')
    .option('--scopes <scopes>', 'comma-separated, e.g. emails:send,messages:read (default: every tenant scope)', commaList)
    .option('--domains <domain_ids>', 'comma-separated domain ids the key may send from (default: all of its tenant)', commaList)
    .option('--name <name>', "the key's name")
    .addOption(environmentOption())
    .option('--json', 'print the key as JSON')
    .action(async (options: KeyOptions, command: Command) => {
      if (options.org) {
        const { mintRootKey } = await import('./database.js');
        await mintRootKey(options.org, { ...options, name: options.name ?? 'Platform root' });
        return;
      }
      if (!options.tenant) command.error('error: keys create needs --org <org_id> (a platform-root key) or --tenant <tenant_id>');
      const key = await api()<CreatedKey>('POST', '/keys', {
        name: options.name ?? 'Created with the CLI',
        tenant_id: options.tenant,
        environment: options.environment,
        scopes: options.scopes,
        allowed_domain_ids: options.domains,
      });
      output(options, key, () =>
        fields([
          ['key', key.id],
          ['secret', key.secret],
          ['tenant', key.tenant_id],
          ['environment', key.environment],
          ['scopes', key.scopes.join(',')],
          ['domains', key.allowed_domain_ids?.join(',') ?? 'all of the tenant'],
        ]) + '\nThe secret is shown once: store it now.',
      );
    });
}
