import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { type Api, CliError } from './http.js';
import { fields, output, statusLine, table } from './output.js';

interface DnsRecord {
  type: 'CNAME' | 'TXT';
  name: string;
  value: string;
  recommended: boolean;
}

interface Domain {
  id: string;
  name: string;
  tenant_id: string | null;
  status: 'pending' | 'verified' | 'failed';
  dns_records: DnsRecord[];
  last_checked_at: string | null;
}

/** How often `domains verify --wait` checks again: each check asks the provider (and DNS). */
const verifyPollMs = 10_000;
const zoneTtlSeconds = 3600;

/** A TXT record's strings hold at most 255 characters each; a longer value is several quoted strings. */
function txtData(value: string): string {
  const chunks = value.match(/[^]{1,255}/g) ?? [''];
  return chunks.map((chunk) => `"${chunk.replace(/[\\"]/g, '\\$&')}"`).join(' ');
}

/** The records as lines of a BIND zone file, names fully qualified. */
export function zoneLines(records: DnsRecord[]): string {
  return records
    .map((record) => {
      const data = record.type === 'CNAME' ? `${record.value}.` : txtData(record.value);
      return `${record.name}. ${zoneTtlSeconds} IN ${record.type} ${data}${record.recommended ? ' ; recommended' : ''}`;
    })
    .join('\n');
}

const describe = (domain: Domain) =>
  fields([
    ['id', domain.id],
    ['name', domain.name],
    ['tenant', domain.tenant_id],
    ['status', domain.status],
    ['last_checked_at', domain.last_checked_at],
  ]);

export function domainCommands(program: Command, api: () => Api) {
  const domains = program.command('domains').description('sending domains');

  domains
    .command('add')
    .description('add a sending domain and print the DNS records to publish')
    .argument('<name>', 'the domain, e.g. mail.acme.com')
    .option('--tenant <tenant_id>', 'the tenant it belongs to (a tenant-bound key adds it to its own tenant)')
    .option('--json', 'print the domain as JSON')
    .action(async (name: string, options: { tenant?: string; json?: boolean }) => {
      const domain = await api()<Domain>('POST', '/domains', { name, tenant_id: options.tenant });
      output(options, domain, () =>
        [
          describe(domain),
          '',
          'Publish these records (the recommended ones are advice), then run: sendoka domains verify ' + domain.id,
          '',
          table(
            ['type', 'name', 'value', 'required'],
            domain.dns_records.map((record) => [record.type, record.name, record.value, record.recommended ? 'recommended' : 'yes']),
          ),
          '',
          'As zone-file lines:',
          '',
          zoneLines(domain.dns_records),
        ].join('\n'),
      );
    });

  domains
    .command('verify')
    .description('check the DNS records of a domain now')
    .argument('<id>', 'domain id')
    .option('--wait', `check again every ${verifyPollMs / 1000} s until the domain is verified (or has failed)`)
    .option('--json', 'print the domain as JSON')
    .action(async (id: string, options: { wait?: boolean; json?: boolean }) => {
      const client = api();
      const verify = () => client<Domain>('POST', `/domains/${encodeURIComponent(id)}/verify`);
      let domain = await verify();
      if (options.wait && domain.status === 'pending') {
        const status = statusLine();
        try {
          while (domain.status === 'pending') {
            status.update(`${domain.name}: pending, the records are not all published yet (last checked ${domain.last_checked_at ?? 'never'})`);
            await sleep(verifyPollMs);
            domain = await verify();
          }
        } finally {
          status.end();
        }
      }
      output(options, domain, () => describe(domain));
      if (options.wait && domain.status === 'failed') {
        throw new CliError('DOMAIN_FAILED', `${domain.name} was not verified in time: publish its records, then run domains verify again`);
      }
    });
}
