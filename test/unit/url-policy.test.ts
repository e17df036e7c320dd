import { describe, expect, it } from 'vitest';
import {
  endpointUrlProblem,
  guardedLookup,
  RefusedAddressError,
  refusalReason,
  type UrlPolicy,
  urlPolicyOf,
  urlProblem,
} from '../../src/webhooks/url-policy.js';

const strict: UrlPolicy = { allowInsecure: false, allowPrivate: false };
const insecureOnly: UrlPolicy = { allowInsecure: true, allowPrivate: false };
const privateOnly: UrlPolicy = { allowInsecure: false, allowPrivate: true };
const open: UrlPolicy = { allowInsecure: true, allowPrivate: true };

describe('refusalReason: IPv4', () => {
  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '172.15.255.255', '11.0.0.1', '100.128.0.1', '169.253.255.255'])('allows the public address %s', (address) => {
    expect(refusalReason(address)).toBeUndefined();
  });

  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.255.254', 'a loopback address'],
    ['10.0.0.1', 'a private address'],
    ['10.255.255.255', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.169.254', 'a link-local address (cloud metadata lives there)'],
    ['100.64.0.1', 'a carrier-grade NAT (shared private) address'],
    ['100.127.255.255', 'a carrier-grade NAT (shared private) address'],
    ['0.0.0.0', 'an unspecified ("this host") address'],
    ['0.1.2.3', 'an unspecified ("this host") address'],
    ['255.255.255.255', 'a broadcast address'],
    ['224.0.0.1', 'a multicast address'],
    ['239.255.255.250', 'a multicast address'],
    ['240.0.0.1', 'a reserved address'],
    ['192.0.2.1', 'a reserved address'],
    ['198.51.100.1', 'a reserved address'],
    ['203.0.113.1', 'a reserved address'],
  ])('refuses %s as %s', (address, reason) => {
    expect(refusalReason(address)).toBe(reason);
  });

  it.each(['198.18.0.1', '192.0.0.1', '192.88.99.1', '192.31.196.1', '192.52.193.1'])('refuses the special-purpose %s', (address) => {
    expect(refusalReason(address)).toEqual(expect.any(String));
  });

  it('reads the shorthand spellings ipaddr.js accepts as the address they mean', () => {
    for (const loopback of ['0177.0.0.1', '0x7f.0.0.1', '2130706433', '127.1']) {
      expect(refusalReason(loopback)).toBe('a loopback address');
    }
  });

  it('throws on what is not an IP address (callers pass addresses only)', () => {
    expect(() => refusalReason('example.com')).toThrow();
    expect(() => refusalReason('')).toThrow();
  });
});

describe('refusalReason: IPv6', () => {
  it.each(['2606:4700:4700::1111', '2001:4860:4860::8888', '2a00:1450:4001::1'])('allows the global unicast address %s', (address) => {
    expect(refusalReason(address)).toBeUndefined();
  });

  it.each([
    ['::1', 'a loopback address'],
    ['::', 'an unspecified ("this host") address'],
    ['fe80::1', 'a link-local address (cloud metadata lives there)'],
    ['FE80::1', 'a link-local address (cloud metadata lives there)'],
    ['fc00::1', 'a unique-local address'],
    ['fd12:3456::1', 'a unique-local address'],
    ['fec0::1', 'a deprecated site-local address'],
    ['ff02::1', 'a multicast address'],
    ['2001:db8::1', 'a reserved address'],
    ['100::1', 'a discard-only address'],
    ['2001:2::1', 'a benchmarking address'],
    ['2001:10::1', 'an ORCHID identifier, not an address'],
    ['2001:20::1', 'an ORCHID identifier, not an address'],
    ['5f00::1', 'a segment-routing (SRv6) address'],
  ])('refuses %s as %s', (address, reason) => {
    expect(refusalReason(address)).toBe(reason);
  });

  it.each(['4000::1', '1000::1', '::2:0:0:1', 'e000::1'])('refuses %s: outside 2000::/3', (address) => {
    expect(refusalReason(address)).toBe('an address outside global unicast (2000::/3)');
  });
});

describe('refusalReason: IPv6 forms carrying an IPv4 address', () => {
  it.each([
    ['::ffff:127.0.0.1', 'an IPv4-mapped address embedding 127.0.0.1, a loopback address'],
    ['::ffff:7f00:1', 'an IPv4-mapped address embedding 127.0.0.1, a loopback address'],
    ['::FFFF:10.0.0.1', 'an IPv4-mapped address embedding 10.0.0.1, a private address'],
    ['::ffff:169.254.169.254', 'an IPv4-mapped address embedding 169.254.169.254, a link-local address (cloud metadata lives there)'],
    ['2002:7f00:1::', 'a 6to4 address embedding 127.0.0.1, a loopback address'],
    ['2002:a9fe:a9fe::1', 'a 6to4 address embedding 169.254.169.254, a link-local address (cloud metadata lives there)'],
    ['64:ff9b::7f00:1', 'a NAT64 address embedding 127.0.0.1, a loopback address'],
    ['64:ff9b::10.0.0.1', 'a NAT64 address embedding 10.0.0.1, a private address'],
    ['::ffff:0:7f00:1', 'an IPv4-translated (SIIT) address embedding 127.0.0.1, a loopback address'],
    ['::7f00:1', 'a deprecated IPv4-compatible address embedding 127.0.0.1, a loopback address'],
    ['::a9fe:a9fe', 'a deprecated IPv4-compatible address embedding 169.254.169.254, a link-local address (cloud metadata lives there)'],
  ])('refuses %s, naming what it carries', (address, reason) => {
    expect(refusalReason(address)).toBe(reason);
  });

  it.each([
    ['::ffff:8.8.8.8', 'an IPv4-mapped address embedding 8.8.8.8'],
    ['2002:808:808::', 'a 6to4 address embedding 8.8.8.8'],
    ['64:ff9b::808:808', 'a NAT64 address embedding 8.8.8.8'],
    ['::808:808', 'a deprecated IPv4-compatible address embedding 8.8.8.8'],
  ])('refuses %s even though it carries a public address', (address, reason) => {
    expect(refusalReason(address)).toBe(reason);
  });

  it('refuses Teredo, decoding the server and the inverted client address (RFC 4380)', () => {
    expect(refusalReason('2001:0:4136:e378:8000:63bf:3fff:fdd2')).toBe(
      'a Teredo address (server 65.54.227.120) embedding client 192.0.2.45, a reserved address',
    );
    // Client 127.0.0.1 is stored inverted: 0x80ff:0xfffe.
    expect(refusalReason('2001:0:808:808::80ff:fffe')).toBe('a Teredo address (server 8.8.8.8) embedding client 127.0.0.1, a loopback address');
  });

  it('refuses the local-use NAT64 prefix, whose IPv4 has no fixed place', () => {
    expect(refusalReason('64:ff9b:1::1')).toBe('a local-use NAT64 address (64:ff9b:1::/48)');
    expect(refusalReason('64:ff9b:1:ffff::7f00:1')).toBe('a local-use NAT64 address (64:ff9b:1::/48)');
  });

  it('refuses the dotted IPv4-compatible spelling too (ipaddr.js reads ::a.b.c.d as IPv4-mapped)', () => {
    expect(refusalReason('::127.0.0.1')).toMatch(/embedding 127\.0\.0\.1, a loopback address$/);
    expect(refusalReason('::8.8.8.8')).toMatch(/embedding 8\.8\.8\.8$/);
  });
});

describe('urlProblem: scheme and credentials', () => {
  it('takes https under every policy', () => {
    for (const policy of [strict, insecureOnly, privateOnly, open]) {
      expect(urlProblem(new URL('https://hooks.example.com/x?y=1'), policy)).toBeUndefined();
    }
  });

  it('takes http only with allowInsecure', () => {
    const url = new URL('http://hooks.example.com/x');
    expect(urlProblem(url, strict)).toBe('must be an https URL');
    expect(urlProblem(url, privateOnly)).toBe('must be an https URL');
    expect(urlProblem(url, insecureOnly)).toBeUndefined();
    expect(urlProblem(url, open)).toBeUndefined();
  });

  it.each(['ftp://hooks.example.com/', 'ws://hooks.example.com/', 'file:///etc/passwd', 'data:text/plain,x', 'javascript:alert(1)', 'gopher://hooks.example.com/'])(
    'refuses %s whatever the policy',
    (href) => {
      const url = new URL(href);
      expect(urlProblem(url, strict)).toBe('must be an https URL');
      expect(urlProblem(url, open)).toBe('must be an http or https URL');
    },
  );

  it.each(['https://user:pass@hooks.example.com/', 'https://user@hooks.example.com/', 'https://:pass@hooks.example.com/'])('refuses credentials in %s', (href) => {
    for (const policy of [strict, open]) expect(urlProblem(new URL(href), policy)).toBe('must not contain credentials');
  });

  it('checks the scheme before the credentials and the address', () => {
    expect(urlProblem(new URL('http://u:p@127.0.0.1/'), strict)).toBe('must be an https URL');
    expect(urlProblem(new URL('https://u:p@127.0.0.1/'), strict)).toBe('must not contain credentials');
  });
});

describe('urlProblem: literal addresses', () => {
  it('refuses internal literals without allowPrivate, naming the address', () => {
    expect(urlProblem(new URL('https://127.0.0.1/'), strict)).toBe('127.0.0.1 is a loopback address');
    expect(urlProblem(new URL('https://10.1.2.3:8443/hook'), insecureOnly)).toBe('10.1.2.3 is a private address');
    expect(urlProblem(new URL('https://169.254.169.254/latest/meta-data/'), strict)).toBe(
      '169.254.169.254 is a link-local address (cloud metadata lives there)',
    );
    expect(urlProblem(new URL('https://[::1]/'), strict)).toBe('::1 is a loopback address');
    expect(urlProblem(new URL('https://[fe80::1]/'), strict)).toBe('fe80::1 is a link-local address (cloud metadata lives there)');
  });

  it('judges the address the URL parser normalised, so other spellings of loopback are refused too', () => {
    for (const href of ['https://0x7f000001/', 'https://2130706433/', 'https://0177.0.0.1/', 'https://127.1/', 'https://127.0.0.1./']) {
      expect(urlProblem(new URL(href), strict)).toBe('127.0.0.1 is a loopback address');
    }
    expect(urlProblem(new URL('https://[::ffff:127.0.0.1]/'), strict)).toBe(
      '::ffff:7f00:1 is an IPv4-mapped address embedding 127.0.0.1, a loopback address',
    );
    expect(urlProblem(new URL('https://[::127.0.0.1]/'), strict)).toBe(
      '::7f00:1 is a deprecated IPv4-compatible address embedding 127.0.0.1, a loopback address',
    );
    expect(urlProblem(new URL('https://[0:0:0:0:0:0:0:1]/'), strict)).toBe('::1 is a loopback address');
  });

  it('takes public literals', () => {
    expect(urlProblem(new URL('https://8.8.8.8/'), strict)).toBeUndefined();
    expect(urlProblem(new URL('https://[2606:4700:4700::1111]/'), strict)).toBeUndefined();
  });

  it('takes internal literals with allowPrivate', () => {
    for (const href of ['https://127.0.0.1/', 'https://[::1]:8080/', 'https://169.254.169.254/', 'https://10.0.0.1/']) {
      expect(urlProblem(new URL(href), privateOnly)).toBeUndefined();
    }
    expect(urlProblem(new URL('http://127.0.0.1:3000/hook'), open)).toBeUndefined();
  });

  it('leaves names to the connect-time lookup (no DNS here)', () => {
    expect(urlProblem(new URL('https://localhost/'), strict)).toBeUndefined();
    expect(urlProblem(new URL('https://internal.example/'), strict)).toBeUndefined();
  });
});

describe('endpointUrlProblem without lookups', () => {
  it('returns the scheme or literal problem first', async () => {
    expect(await endpointUrlProblem(new URL('http://hooks.example.com/'), strict)).toBe('must be an https URL');
    expect(await endpointUrlProblem(new URL('https://192.168.0.10/'), strict)).toBe('192.168.0.10 is a private address');
    expect(await endpointUrlProblem(new URL('https://8.8.8.8/'), strict)).toBeUndefined();
  });

  it.each([
    ['https://localhost/', 'localhost is a loopback host'],
    ['https://localhost./', 'localhost is a loopback host'],
    ['https://LOCALHOST:8443/', 'localhost is a loopback host'],
    ['https://api.localhost/', 'api.localhost is a loopback host'],
    ['https://a.b.localhost./', 'a.b.localhost is a loopback host'],
  ])('refuses %s as a loopback name', async (href, problem) => {
    expect(await endpointUrlProblem(new URL(href), strict)).toBe(problem);
  });

  it('with allowPrivate, accepts names and literals without looking anything up', async () => {
    expect(await endpointUrlProblem(new URL('https://localhost/'), privateOnly)).toBeUndefined();
    expect(await endpointUrlProblem(new URL('https://does-not-exist.invalid/'), privateOnly)).toBeUndefined();
    expect(await endpointUrlProblem(new URL('http://localhost/'), privateOnly)).toBe('must be an https URL');
  });
});

describe('guardedLookup', () => {
  it('is not needed with allowPrivate', () => {
    expect(guardedLookup(privateOnly)).toBeUndefined();
    expect(guardedLookup(open)).toBeUndefined();
  });

  it('refuses an internal address at connect time (a literal resolves to itself, without DNS)', async () => {
    const lookup = guardedLookup(strict);
    expect(lookup).toBeTypeOf('function');
    const error = await new Promise<unknown>((resolve) => lookup?.('127.0.0.1', {}, (err) => resolve(err)));
    expect(error).toBeInstanceOf(RefusedAddressError);
    expect((error as RefusedAddressError).code).toBe('ERR_WEBHOOK_ADDRESS_REFUSED');
    expect((error as RefusedAddressError).message).toBe('127.0.0.1 is a loopback address');
  });

  it('passes a public address through, in the form asked for', async () => {
    const lookup = guardedLookup(strict);
    const single = await new Promise<unknown[]>((resolve) => lookup?.('8.8.8.8', {}, (...args) => resolve(args)));
    expect(single).toEqual([null, '8.8.8.8', 4]);
    const all = await new Promise<unknown[]>((resolve) => lookup?.('8.8.8.8', { all: true }, (...args) => resolve(args)));
    expect(all).toEqual([null, [{ address: '8.8.8.8', family: 4 }]]);
  });
});

describe('RefusedAddressError', () => {
  it('says the address alone for a literal, and the name and its address for a name', () => {
    const literal = new RefusedAddressError('10.0.0.1', '10.0.0.1', 'a private address');
    expect(literal.message).toBe('10.0.0.1 is a private address');
    const named = new RefusedAddressError('hooks.example.com', '10.0.0.1', 'a private address');
    expect(named.message).toBe('hooks.example.com resolves to 10.0.0.1, a private address');
    expect(named.name).toBe('RefusedAddressError');
    expect(named).toBeInstanceOf(Error);
    expect({ host: named.host, address: named.address, reason: named.reason }).toEqual({
      host: 'hooks.example.com',
      address: '10.0.0.1',
      reason: 'a private address',
    });
  });
});

describe('urlPolicyOf', () => {
  it('reads WEBHOOKS_ALLOW_INSECURE and WEBHOOKS_ALLOW_PRIVATE', () => {
    expect(urlPolicyOf({ WEBHOOKS_ALLOW_INSECURE: false, WEBHOOKS_ALLOW_PRIVATE: false })).toEqual(strict);
    expect(urlPolicyOf({ WEBHOOKS_ALLOW_INSECURE: true, WEBHOOKS_ALLOW_PRIVATE: false })).toEqual(insecureOnly);
    expect(urlPolicyOf({ WEBHOOKS_ALLOW_INSECURE: false, WEBHOOKS_ALLOW_PRIVATE: true })).toEqual(privateOnly);
  });
});
