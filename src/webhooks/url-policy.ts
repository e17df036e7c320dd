import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { Config } from '../platform/config.js';

/** Which endpoint URLs Sendoka may call: production refuses plain http and any address that is not public. */
export interface UrlPolicy {
  allowInsecure: boolean;
  allowPrivate: boolean;
}

export const urlPolicyOf = (config: Pick<Config, 'WEBHOOKS_ALLOW_INSECURE' | 'WEBHOOKS_ALLOW_PRIVATE'>): UrlPolicy => ({
  allowInsecure: config.WEBHOOKS_ALLOW_INSECURE,
  allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE,
});

// ipaddr.js's names for its special-purpose ranges, in words. Only its 'unicast' (everything outside
// them) may be called; a range missing here (a newer ipaddr.js) is still refused, by its own name.
const rangeDescriptions: Record<string, string> = {
  unspecified: 'an unspecified ("this host") address',
  broadcast: 'a broadcast address',
  loopback: 'a loopback address',
  linkLocal: 'a link-local address (cloud metadata lives there)',
  private: 'a private address',
  carrierGradeNat: 'a carrier-grade NAT (shared private) address',
  uniqueLocal: 'a unique-local address',
  deprecatedSiteLocal: 'a deprecated site-local address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
  benchmarking: 'a benchmarking address',
  discard: 'a discard-only address',
  as112: 'an AS112 (DNS sink) address',
  as112v6: 'an AS112 (DNS sink) address',
  amt: 'an AMT relay address',
  deprecatedOrchid: 'an ORCHID identifier, not an address',
  orchid2: 'an ORCHID identifier, not an address',
  droneRemoteIdProtocolEntityTags: 'a drone remote ID tag, not an address',
  segmentRouting: 'a segment-routing (SRv6) address',
};

const ipv4Compatible = ipaddr.parseCIDR('::/96');
const wellKnownNat64 = ipaddr.parseCIDR('64:ff9b::/96');
const globalUnicast = ipaddr.parseCIDR('2000::/3');

const ipv4Of = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;

/** An embedded IPv4 address, with why it is refused when it would be refused on its own. */
function described(ipv4: string): string {
  const reason = refusalReason(ipv4);
  return reason ? `${ipv4}, ${reason}` : ipv4;
}

/**
 * IPv6 forms that carry an IPv4 address (mostly for a relay or translator to reach): no webhook
 * needs one, and each is another spelling of an IPv4 target, so they are refused whatever they carry.
 */
function transitionForm(address: ipaddr.IPv6, range: string): string | undefined {
  const [, p1 = 0, p2 = 0, p3 = 0, , , p6 = 0, p7 = 0] = address.parts;
  if (range === 'ipv4Mapped') return `an IPv4-mapped address embedding ${described(ipv4Of(p6, p7))}`;
  if (range === '6to4') return `a 6to4 address embedding ${described(ipv4Of(p1, p2))}`;
  if (range === 'teredo') {
    // RFC 4380: the server's IPv4 in bits 32-63, the client's inverted in the last 32 bits.
    return `a Teredo address (server ${ipv4Of(p2, p3)}) embedding client ${described(ipv4Of(p6 ^ 0xffff, p7 ^ 0xffff))}`;
  }
  if (range === 'rfc6052') {
    // The local-use prefix (64:ff9b:1::/48) may be any length up to /96, so its IPv4 has no fixed place.
    return address.match(wellKnownNat64)
      ? `a NAT64 address embedding ${described(ipv4Of(p6, p7))}`
      : 'a local-use NAT64 address (64:ff9b:1::/48)';
  }
  if (range === 'rfc6145') return `an IPv4-translated (SIIT) address embedding ${described(ipv4Of(p6, p7))}`;
  if (range === 'unicast' && address.match(ipv4Compatible)) {
    return `a deprecated IPv4-compatible address embedding ${described(ipv4Of(p6, p7))}`;
  }
  return undefined;
}

/** Why an IP address must not be called, or undefined when it is a globally routable unicast one. */
export function refusalReason(address: string): string | undefined {
  const parsed = ipaddr.parse(address);
  const range = parsed.range();
  if (parsed instanceof ipaddr.IPv6) {
    const transition = transitionForm(parsed, range);
    if (transition) return transition;
    // Every IPv6 address in use on the internet is allocated from 2000::/3; the rest is unassigned.
    if (range === 'unicast' && !parsed.match(globalUnicast)) return 'an address outside global unicast (2000::/3)';
  }
  if (range === 'unicast') return undefined;
  return rangeDescriptions[range] ?? `a special-purpose address (${range})`;
}

/** The error a refused address raises, at save time (a 422) or at connect time (a failed attempt). */
export class RefusedAddressError extends Error {
  readonly code = 'ERR_WEBHOOK_ADDRESS_REFUSED';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(host === address ? `${address} is ${reason}` : `${host} resolves to ${address}, ${reason}`);
    this.name = 'RefusedAddressError';
  }
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Checks a URL's scheme and literal address without touching the network (Node connects to a literal
 * address without a lookup); the connect-time lookup below judges names. Returns the problem, or undefined.
 */
export function urlProblem(url: URL, policy: UrlPolicy): string | undefined {
  if (url.protocol !== 'https:' && !(policy.allowInsecure && url.protocol === 'http:')) {
    return policy.allowInsecure ? 'must be an http or https URL' : 'must be an https URL';
  }
  if (url.username || url.password) return 'must not contain credentials';
  const host = hostOf(url);
  if (!policy.allowPrivate && isIP(host) !== 0) {
    const reason = refusalReason(host);
    if (reason) return new RefusedAddressError(host, host, reason).message;
  }
  return undefined;
}

/**
 * The resolver every webhook request connects through: refuses names resolving to an internal
 * address, at connect time, so a name re-pointed after it was saved (DNS rebinding) cannot reach one.
 */
export function guardedLookup(policy: UrlPolicy): LookupFunction | undefined {
  if (policy.allowPrivate) return undefined;
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((entry) => refusalReason(entry.address) !== undefined);
      if (refused) {
        const reason = refusalReason(refused.address) as string;
        return callback(new RefusedAddressError(hostname, refused.address, reason), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * Save-time check: the scheme and literal address, then the name's current addresses. A name that
 * does not resolve yet is accepted (its DNS may come later); the connect-time lookup still guards it.
 */
export async function endpointUrlProblem(url: URL, policy: UrlPolicy): Promise<string | undefined> {
  const problem = urlProblem(url, policy);
  if (problem || policy.allowPrivate || isIP(hostOf(url)) !== 0) return problem;
  const host = hostOf(url).replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is a loopback host`;
  const lookup = guardedLookup(policy) as LookupFunction;
  return new Promise((resolve) => {
    lookup(hostOf(url), { all: true }, (error) =>
      resolve(error instanceof RefusedAddressError ? error.message : undefined),
    );
  });
}
