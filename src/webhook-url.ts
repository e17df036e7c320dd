import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { config } from './config.js';

/** Which endpoint URLs Sendoka may call: production refuses plain http and internal addresses. */
export interface UrlPolicy {
  allowInsecure: boolean;
  allowPrivate: boolean;
}

export const configuredUrlPolicy: UrlPolicy = {
  allowInsecure: config.WEBHOOKS_ALLOW_INSECURE,
  allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE,
};

function blockList(ipv4: string[], ipv6: string[]): BlockList {
  const list = new BlockList();
  for (const range of ipv4) {
    const [network, prefix] = range.split('/') as [string, string];
    list.addSubnet(network, Number(prefix), 'ipv4');
  }
  for (const range of ipv6) {
    const [network, prefix] = range.split('/') as [string, string];
    list.addSubnet(network, Number(prefix), 'ipv6');
  }
  return list;
}

// Checked in order; the first match names the reason in errors.
const refusedRanges: [reason: string, ranges: BlockList][] = [
  ['a loopback address', blockList(['127.0.0.0/8'], ['::1/128'])],
  ['a link-local address (cloud metadata lives there)', blockList(['169.254.0.0/16'], ['fe80::/10'])],
  ['a private address', blockList(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'], [])],
  ['a unique-local address', blockList([], ['fc00::/7'])],
  ['a multicast address', blockList(['224.0.0.0/4'], ['ff00::/8'])],
  [
    'a reserved address',
    blockList(
      ['0.0.0.0/8', '192.0.0.0/24', '192.0.2.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '240.0.0.0/4'],
      ['::/128', '100::/64', '2001:db8::/32'],
    ),
  ],
];

/** IPv4 addresses hidden in IPv6 forms (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d) are judged as IPv4. */
function embeddedIpv4(address: string): string | undefined {
  const match = /^(?:::ffff:|64:ff9b::)(?:0:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (match) {
    const high = Number.parseInt(match[1] as string, 16);
    const low = Number.parseInt(match[2] as string, 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
}

/** Why an address must not be called, or undefined when it is a public address. */
export function refusalReason(address: string): string | undefined {
  const ipv4 = isIP(address) === 6 ? embeddedIpv4(address) : address;
  const [candidate, family] = ipv4 !== undefined ? [ipv4, 'ipv4' as const] : [address, 'ipv6' as const];
  return refusedRanges.find(([, ranges]) => ranges.check(candidate, family))?.[0];
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
