import type { Command } from 'commander';
import type { Api } from './http.js';
import { output, table } from './output.js';

interface Totals {
  email_live: number;
  email_test: number;
  sms_live: number;
  sms_test: number;
}

type Quota = { limit: number | null; remaining: number | null };
type Quotas = { email_per_month: Quota; sms_per_month: Quota };

interface TenantUsage extends Totals {
  tenant_id: string;
  period: string;
  quotas?: Quotas | null;
}

interface OrgUsage extends Totals {
  period: string;
  tenants: TenantUsage[];
}

const channelRows = (usage: Totals, quotas: Quotas | null | undefined) =>
  (['email', 'sms'] as const).map((channel) => {
    const quota = quotas?.[`${channel}_per_month`];
    return [channel, usage[`${channel}_live`], usage[`${channel}_test`], quota?.limit, quota?.remaining];
  });

export function usageCommand(program: Command, api: () => Api) {
  program
    .command('usage')
    .description("messages sent in a month: the org's (per tenant) or one tenant's, with its quotas")
    .option('--tenant <tenant_id>', 'one tenant')
    .option('--period <YYYY-MM>', 'a UTC month (default: the current one)')
    .option('--json', 'print the usage as JSON')
    .action(async (options: { tenant?: string; period?: string; json?: boolean }) => {
      const query = options.period ? `?${new URLSearchParams({ period: options.period })}` : '';
      if (options.tenant) {
        const usage = await api()<TenantUsage>('GET', `/tenants/${encodeURIComponent(options.tenant)}/usage${query}`);
        output(options, usage, () =>
          `usage of ${usage.tenant_id} in ${usage.period}\n` +
          table(['channel', 'live', 'test', 'monthly quota', 'remaining'], channelRows(usage, usage.quotas)),
        );
        return;
      }
      const usage = await api()<OrgUsage>('GET', `/usage${query}`);
      const row = (name: string, totals: Totals) => [name, totals.email_live, totals.email_test, totals.sms_live, totals.sms_test];
      output(options, usage, () =>
        `usage in ${usage.period}\n` +
        table(
          ['tenant', 'email live', 'email test', 'sms live', 'sms test'],
          [row('all', usage), ...usage.tenants.map((tenant) => row(tenant.tenant_id, tenant))],
        ),
      );
    });
}
