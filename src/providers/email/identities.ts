import { randomBytes } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import {
  CreateEmailIdentityCommand,
  CreateTenantCommand,
  CreateTenantResourceAssociationCommand,
  DeleteEmailIdentityCommand,
  DeleteTenantCommand,
  GetEmailIdentityCommand,
  GetTenantCommand,
} from '@aws-sdk/client-sesv2';
import { config } from '../../config.js';
import { ApiError } from '../../errors.js';
import { sesClient } from '../aws.js';

/** What a domain must publish: its DKIM tokens and Sendoka's `_amazonses` ownership token. */
export interface DomainIdentity {
  name: string;
  dkimTokens: readonly string[];
  verificationToken: string;
}

/** Where sending identities live: SES, or (development, tests) nowhere but our own DNS checks. */
export interface IdentityProvider {
  /** Registers the domain for sending and returns its DKIM tokens. An identity that already exists is adopted. */
  create(name: string, tenantId: string | null): Promise<string[]>;
  /** Whether the domain is verified now. Throws when that cannot be told (provider or resolver unreachable). */
  isVerified(identity: DomainIdentity): Promise<boolean>;
  /** Removes the identity; one that is already gone is no error. */
  remove(name: string): Promise<void>;
  /** Removes what the provider keeps for a deleted Sendoka tenant (its SES tenant); nothing there is no error. */
  removeTenant(tenantId: string): Promise<void>;
}

/**
 * The SES tenant that sends for a Sendoka tenant, when SES tenant isolation is on (else undefined).
 * A pure function of the tenant id, so the send path needs no lookup: pass the sending domain's tenant.
 */
export function sesTenantName(tenantId: string | null): string | undefined {
  if (config.EMAIL_PROVIDER !== 'ses' || !config.SES_TENANT_ISOLATION || tenantId === null) return undefined;
  return `sendoka-${tenantId}`;
}

export const dkimTarget = (token: string) => `${token}.dkim.amazonses.com`;

function providerError(action: string, name: string, error: unknown): ApiError {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new ApiError(502, 'api_error', 'PROVIDER_ERROR', `the email provider could not ${action} ${name} (${reason}); retry`);
}

const isAwsError = (error: unknown, name: string) => error instanceof Error && error.name === name;

async function ensureSesTenant(tenantName: string): Promise<string> {
  try {
    const created = await sesClient().send(new CreateTenantCommand({ TenantName: tenantName }));
    if (created.TenantArn) return created.TenantArn;
  } catch (error) {
    if (!isAwsError(error, 'AlreadyExistsException')) throw error;
  }
  const existing = await sesClient().send(new GetTenantCommand({ TenantName: tenantName }));
  if (!existing.Tenant?.TenantArn) throw new Error(`SES returned no ARN for tenant ${tenantName}`);
  return existing.Tenant.TenantArn;
}

/** The identity's ARN, in the tenant's partition, region and account (SES returns no identity ARN). */
function identityArn(tenantArn: string, name: string): string {
  const [, partition, , region, account] = tenantArn.split(':');
  return `arn:${partition}:ses:${region}:${account}:identity/${name}`;
}

async function createOrAdoptSesIdentity(name: string): Promise<string[]> {
  try {
    const created = await sesClient().send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
    return created.DkimAttributes?.Tokens ?? [];
  } catch (error) {
    // A retried create (or an identity made by hand) already exists: adopt it.
    if (!isAwsError(error, 'AlreadyExistsException')) throw error;
    const existing = await sesClient().send(new GetEmailIdentityCommand({ EmailIdentity: name }));
    return existing.DkimAttributes?.Tokens ?? [];
  }
}

/** SES Easy DKIM: SES checks the CNAMEs; the domain may send once SES says so. */
const sesIdentities: IdentityProvider = {
  async create(name, tenantId) {
    try {
      const tenantName = sesTenantName(tenantId);
      const tenantArn = tenantName ? await ensureSesTenant(tenantName) : undefined;
      const tokens = await createOrAdoptSesIdentity(name);
      if (tenantName && tenantArn) {
        try {
          await sesClient().send(
            new CreateTenantResourceAssociationCommand({ TenantName: tenantName, ResourceArn: identityArn(tenantArn, name) }),
          );
        } catch (error) {
          if (!isAwsError(error, 'AlreadyExistsException')) throw error;
        }
      }
      return tokens;
    } catch (error) {
      throw providerError('create', name, error);
    }
  },

  async isVerified(identity) {
    try {
      const found = await sesClient().send(new GetEmailIdentityCommand({ EmailIdentity: identity.name }));
      return found.VerifiedForSendingStatus === true && found.DkimAttributes?.Status === 'SUCCESS';
    } catch (error) {
      // Deleted behind our back: not verified; the timeout will fail the domain.
      if (isAwsError(error, 'NotFoundException')) return false;
      throw providerError('check', identity.name, error);
    }
  },

  async remove(name) {
    try {
      await sesClient().send(new DeleteEmailIdentityCommand({ EmailIdentity: name }));
    } catch (error) {
      if (!isAwsError(error, 'NotFoundException')) throw providerError('delete', name, error);
    }
  },

  async removeTenant(tenantId) {
    const tenantName = sesTenantName(tenantId);
    if (!tenantName) return;
    try {
      await sesClient().send(new DeleteTenantCommand({ TenantName: tenantName }));
    } catch (error) {
      if (!isAwsError(error, 'NotFoundException')) throw providerError('delete tenant', tenantName, error);
    }
  },
};

let resolver: Resolver | undefined;
function dnsResolver(): Resolver {
  if (!resolver) {
    resolver = new Resolver({ timeout: 2_000, tries: 2 });
    if (config.DNS_SERVERS.length > 0) resolver.setServers(config.DNS_SERVERS);
  }
  return resolver;
}

const absentCodes = new Set(['ENOTFOUND', 'ENODATA']);
const canonical = (name: string) => name.toLowerCase().replace(/\.$/, '');

/** The values published for a name, [] when none; throws when DNS gives no answer either way. */
async function lookup(name: string, type: 'CNAME' | 'TXT'): Promise<string[]> {
  try {
    if (type === 'CNAME') return (await dnsResolver().resolveCname(name)).map(canonical);
    return (await dnsResolver().resolveTxt(name)).map((chunks) => chunks.join(''));
  } catch (error) {
    if (absentCodes.has((error as NodeJS.ErrnoException).code ?? '')) return [];
    throw new ApiError(502, 'api_error', 'DNS_UNAVAILABLE', `could not resolve ${type} ${name} (${(error as Error).message}); retry`);
  }
}

/** Development provider: tokens are made here and verification reads the published records for real. */
const localIdentities: IdentityProvider = {
  async create() {
    return Array.from({ length: 3 }, () => randomBytes(16).toString('hex'));
  },

  async isVerified(identity) {
    const checks = await Promise.all([
      ...identity.dkimTokens.map(async (token) =>
        (await lookup(`${token}._domainkey.${identity.name}`, 'CNAME')).includes(dkimTarget(token)),
      ),
      (async () => (await lookup(`_amazonses.${identity.name}`, 'TXT')).includes(identity.verificationToken))(),
    ]);
    return checks.every(Boolean);
  },

  async remove() {},
  async removeTenant() {},
};

export function identityProvider(): IdentityProvider {
  return config.EMAIL_PROVIDER === 'ses' ? sesIdentities : localIdentities;
}
