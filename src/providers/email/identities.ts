import { randomBytes } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { domainToASCII } from 'node:url';
import {
  CreateEmailIdentityCommand,
  CreateTenantCommand,
  CreateTenantResourceAssociationCommand,
  DeleteEmailIdentityCommand,
  DeleteTenantCommand,
  DeleteTenantResourceAssociationCommand,
  GetEmailIdentityCommand,
  GetTenantCommand,
  ListTenantResourcesCommand,
} from '@aws-sdk/client-sesv2';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Config } from '../../platform/config.js';
import { ApiError } from '../../platform/errors.js';

/** What a domain must publish: its DKIM tokens and Sendoka's `_amazonses` ownership token. */
export interface DomainIdentity {
  name: string;
  dkimTokens: readonly string[];
  verificationToken: string;
}

/** Where sending identities live: SES, or (development, tests) nowhere but our own DNS checks. */
export interface IdentityProvider {
  /**
   * Registers the domain for sending and returns its DKIM tokens. An identity that already exists is adopted.
   * Under SES tenant isolation, also makes sure the tenant's SES tenant exists with every resource a send of
   * it names (this identity, the configuration set) associated.
   */
  create(name: string, tenantId: string | null): Promise<string[]>;
  /** Whether the domain is verified now. Throws when that cannot be told (provider or resolver unreachable). */
  isVerified(identity: DomainIdentity): Promise<boolean>;
  /**
   * Removes the identity (its association with the SES tenant of `tenantId` first, when given); one that is
   * already gone is no error.
   */
  remove(name: string, tenantId?: string | null): Promise<void>;
  /**
   * Removes what the provider keeps for a deleted Sendoka tenant: its SES tenant's resource associations,
   * then the SES tenant. Nothing there is no error.
   */
  removeTenant(tenantId: string): Promise<void>;
}

/**
 * The SES tenant that sends for a Sendoka tenant, when SES tenant isolation is on (else undefined).
 * A pure function of the tenant id, so the send path needs no lookup: pass the sending domain's tenant.
 */
export function sesTenantName(config: Pick<Config, 'EMAIL_PROVIDER' | 'SES_TENANT_ISOLATION'>, tenantId: string | null): string | undefined {
  if (config.EMAIL_PROVIDER !== 'ses' || !config.SES_TENANT_ISOLATION || tenantId === null) return undefined;
  return `sendoka-${tenantId}`;
}

export const dkimTarget = (token: string) => `${token}.dkim.amazonses.com`;

function providerError(action: string, name: string, error: unknown): ApiError {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new ApiError(502, 'api_error', 'PROVIDER_ERROR', `the email provider could not ${action} ${name} (${reason}); retry`);
}

const isAwsError = (error: unknown, name: string) => error instanceof Error && error.name === name;

/** Runs an SES call whose documented `exception` means its end state already holds (so: success). */
async function tolerating(exception: 'AlreadyExistsException' | 'NotFoundException', call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    if (!isAwsError(error, exception)) throw error;
  }
}

/** The identity a From address sends as: its domain, as domains are stored (lower-case ASCII). */
export function sendingIdentity(from: string): string {
  const domain = from.slice(from.lastIndexOf('@') + 1).replace(/>\s*$/, '').trim().replace(/\.$/, '');
  return (domainToASCII(domain) || domain).toLowerCase();
}

/** The SES tenants' bookkeeping this process keeps (which associations are complete), for the sender and the identities. */
export type SesTenantResources = ReturnType<typeof createIdentities>;

/**
 * Where domains are registered and checked (SES, or DNS for the local provider), and the SES tenant
 * resources a send needs. Built once per application context: it keeps what it has checked.
 */
export function createIdentities(config: Config, ses: SESv2Client) {
  /**
   * `arn:<partition>:ses:<region>:<account>`, read off an SES tenant's ARN: SES returns no ARN for identities
   * or configuration sets, and every SES resource Sendoka uses lives in the one account and region of its client.
   */
  let sesArnPrefix: string | undefined;

  function rememberArnPrefix(tenantArn: string): string {
    const [arn, partition, service, region, account] = tenantArn.split(':');
    if (arn !== 'arn' || !partition || service !== 'ses' || !region || !account) throw new Error(`SES returned an unexpected tenant ARN ${tenantArn}`);
    sesArnPrefix = `arn:${partition}:ses:${region}:${account}`;
    return sesArnPrefix;
  }

  /** The resources a send under an SES tenant names, so each must be associated with it: the identity, the configuration set. */
  function sendResourceArns(prefix: string, identity: string): string[] {
    const arns = [`${prefix}:identity/${identity}`];
    if (config.SES_CONFIGURATION_SET) arns.push(`${prefix}:configuration-set/${config.SES_CONFIGURATION_SET}`);
    return arns;
  }

  /** The tenant's ARN, or undefined when SES has no such tenant. */
  async function sesTenantArn(tenantName: string): Promise<string | undefined> {
    try {
      const found = await ses.send(new GetTenantCommand({ TenantName: tenantName }));
      if (!found.Tenant?.TenantArn) throw new Error(`SES returned no ARN for tenant ${tenantName}`);
      return found.Tenant.TenantArn;
    } catch (error) {
      if (isAwsError(error, 'NotFoundException')) return undefined;
      throw error;
    }
  }

  /** The new tenant's ARN, or undefined when it exists already. */
  async function createSesTenant(tenantName: string): Promise<string | undefined> {
    try {
      const created = await ses.send(new CreateTenantCommand({ TenantName: tenantName }));
      return created.TenantArn ?? (await sesTenantArn(tenantName));
    } catch (error) {
      if (isAwsError(error, 'AlreadyExistsException')) return undefined;
      throw error;
    }
  }

  /**
   * Makes sure the SES tenant exists; returns the ARN prefix of its account. `likelyNew` (a domain being created)
   * tries CreateTenant first; the send path asks GetTenant first, as its tenant nearly always exists.
   */
  async function ensureSesTenant(tenantName: string, likelyNew: boolean): Promise<string> {
    const arn = likelyNew
      ? ((await createSesTenant(tenantName)) ?? (await sesTenantArn(tenantName)))
      : ((await sesTenantArn(tenantName)) ?? (await createSesTenant(tenantName)) ?? (await sesTenantArn(tenantName)));
    if (!arn) throw new Error(`SES tenant ${tenantName} could neither be created nor found`);
    return rememberArnPrefix(arn);
  }

  /** Associates each resource with the tenant, in order; one associated already is success. */
  async function associate(tenantName: string, resourceArns: readonly string[]) {
    for (const resourceArn of resourceArns) {
      await tolerating('AlreadyExistsException', () =>
        ses.send(new CreateTenantResourceAssociationCommand({ TenantName: tenantName, ResourceArn: resourceArn })),
      );
    }
  }

  /**
   * (SES tenant, identity) pairs this process has made complete: tenant there, identity and configuration set
   * associated. SES_CONFIGURATION_SET is read at start-up, so a process started after it changed associates the
   * new one before its first send of each tenant. Entries expire, so an association removed behind Sendoka's back
   * is restored within the hour (and at once after a send it made fail: see forgetSesTenantResources).
   */
  const ensuredTtlMs = 3_600_000;
  const ensured = new Map<string, { done: Promise<void>; expiresAt: number }>();
  const ensuredKey = (tenantName: string, identity: string) => `${tenantName} ${identity}`;

  function remember(tenantName: string, identity: string, done: Promise<void>) {
    if (ensured.size >= 100_000) ensured.clear();
    const key = ensuredKey(tenantName, identity);
    const entry = { done, expiresAt: Date.now() + ensuredTtlMs };
    ensured.set(key, entry);
    // A failure is not remembered: the next send tries again.
    done.catch(() => {
      if (ensured.get(key) === entry) ensured.delete(key);
    });
  }

  /**
   * Before a send with `TenantName`: SES accepts it only when every resource it names is associated with that
   * tenant (SendEmail, TenantName). Makes it so, once per process and hour for each tenant and identity;
   * concurrent sends share one check.
   */
  function ensureSesTenantResources(tenantName: string, identity: string): Promise<void> {
    const cached = ensured.get(ensuredKey(tenantName, identity));
    if (cached && cached.expiresAt > Date.now()) return cached.done;
    const done = (async () => {
      const prefix = await ensureSesTenant(tenantName, false);
      await associate(tenantName, sendResourceArns(prefix, identity));
    })();
    remember(tenantName, identity, done);
    return done;
  }

  /** Forgets what this process knows of an SES tenant's associations (all of them, or one identity's). */
  function forgetSesTenantResources(tenantName?: string, identity?: string) {
    for (const key of ensured.keys()) {
      const [tenant, name] = key.split(' ');
      if ((tenantName === undefined || tenant === tenantName) && (identity === undefined || name === identity)) ensured.delete(key);
    }
  }

  async function createOrAdoptSesIdentity(name: string): Promise<string[]> {
    try {
      const created = await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: name }));
      return created.DkimAttributes?.Tokens ?? [];
    } catch (error) {
      // A retried create (or an identity made by hand) already exists: adopt it.
      if (!isAwsError(error, 'AlreadyExistsException')) throw error;
      const existing = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: name }));
      return existing.DkimAttributes?.Tokens ?? [];
    }
  }

  /** SES Easy DKIM: SES checks the CNAMEs; the domain may send once SES says so. */
  const sesIdentities: IdentityProvider = {
    async create(name, tenantId) {
      try {
        const tenantName = sesTenantName(config, tenantId);
        const prefix = tenantName ? await ensureSesTenant(tenantName, true) : undefined;
        const tokens = await createOrAdoptSesIdentity(name);
        if (tenantName && prefix) {
          const done = associate(tenantName, sendResourceArns(prefix, name));
          remember(tenantName, name, done);
          await done;
        }
        return tokens;
      } catch (error) {
        throw providerError('create', name, error);
      }
    },

    async isVerified(identity) {
      try {
        const found = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: identity.name }));
        return found.VerifiedForSendingStatus === true && found.DkimAttributes?.Status === 'SUCCESS';
      } catch (error) {
        // Deleted behind our back: not verified; the timeout will fail the domain.
        if (isAwsError(error, 'NotFoundException')) return false;
        throw providerError('check', identity.name, error);
      }
    },

    async remove(name, tenantId = null) {
      const tenantName = sesTenantName(config, tenantId);
      try {
        if (tenantName) {
          // The association first, while the identity still exists; a tenant SES no longer has has none.
          let prefix = sesArnPrefix;
          if (!prefix) {
            const tenantArn = await sesTenantArn(tenantName);
            prefix = tenantArn && rememberArnPrefix(tenantArn);
          }
          if (prefix) {
            await tolerating('NotFoundException', () =>
              ses.send(new DeleteTenantResourceAssociationCommand({ TenantName: tenantName, ResourceArn: `${prefix}:identity/${name}` })),
            );
          }
        }
        await tolerating('NotFoundException', () => ses.send(new DeleteEmailIdentityCommand({ EmailIdentity: name })));
      } catch (error) {
        throw providerError('delete', name, error);
      } finally {
        forgetSesTenantResources(undefined, name);
      }
    },

    async removeTenant(tenantId) {
      const tenantName = sesTenantName(config, tenantId);
      if (!tenantName) return;
      try {
        // DeleteTenant removes the tenant's associations itself (API_DeleteTenant), so none must go first. They do
        // anyway, every one SES lists (configuration sets named before a change of SES_CONFIGURATION_SET, identities
        // left by hand): a DeleteTenant that keeps failing then leaves a tenant that can send with nothing. Read
        // whole before deleting, as deleting while paging could skip some.
        const resourceArns: string[] = [];
        try {
          let nextToken: string | undefined;
          do {
            const page = await ses.send(new ListTenantResourcesCommand({ TenantName: tenantName, NextToken: nextToken }));
            for (const resource of page.TenantResources ?? []) if (resource.ResourceArn) resourceArns.push(resource.ResourceArn);
            nextToken = page.NextToken;
          } while (nextToken);
        } catch (error) {
          if (!isAwsError(error, 'NotFoundException')) throw error;
        }
        for (const resourceArn of resourceArns) {
          await tolerating('NotFoundException', () =>
            ses.send(new DeleteTenantResourceAssociationCommand({ TenantName: tenantName, ResourceArn: resourceArn })),
          );
        }
        await tolerating('NotFoundException', () => ses.send(new DeleteTenantCommand({ TenantName: tenantName })));
      } catch (error) {
        throw providerError('delete tenant', tenantName, error);
      } finally {
        forgetSesTenantResources(tenantName);
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

  return {
    identities: config.EMAIL_PROVIDER === 'ses' ? sesIdentities : localIdentities,
    ensureSesTenantResources,
    forgetSesTenantResources,
  };
}
