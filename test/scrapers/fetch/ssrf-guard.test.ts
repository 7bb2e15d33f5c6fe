import { describe, expect, it } from 'vitest';
import { addressRefusal, cachingResolver, checkUrl, isAddressAllowed, parseAllowList, pinnedLookup } from '../../../scrapers/fetch/ssrf-guard.ts';
import type { Resolver } from '../../../scrapers/fetch/ssrf-guard.ts';
import { FetchError } from '../../../scrapers/fetch/fetch-error.ts';

const fakeDns =
  (table: Record<string, string[]>): Resolver =>
  async (hostname) => {
    const ips = table[hostname];
    if (!ips) throw new Error(`ENOTFOUND ${hostname}`);
    return ips.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

async function refusal(url: string, options: Parameters<typeof checkUrl>[1] = {}): Promise<FetchError | null> {
  try {
    await checkUrl(url, options);
    return null;
  } catch (err) {
    return err as FetchError;
  }
}

describe('addressRefusal', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['::ffff:10.0.0.1', 'ipv4Mapped'],
    ['::ffff:8.8.8.8', 'ipv4Mapped'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['ff02::1', 'multicast'],
  ])('refuses %s (%s)', (ip, why) => {
    expect(addressRefusal(ip)).toBe(why);
    expect(isAddressAllowed(ip, [])).toBe(false);
  });

  it('allows public addresses', () => {
    expect(isAddressAllowed('93.184.216.34')).toBe(true);
    expect(isAddressAllowed('2606:4700:4700::1111')).toBe(true);
    expect(isAddressAllowed('172.32.0.1')).toBe(true);
  });

  it('allows what the allow-list names: an IP, a CIDR, a mapped form of an allowed IPv4', () => {
    expect(isAddressAllowed('127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(isAddressAllowed('127.0.0.2', ['127.0.0.1'])).toBe(false);
    expect(isAddressAllowed('10.1.2.3', ['10.0.0.0/8'])).toBe(true);
    expect(isAddressAllowed('11.1.2.3', ['10.0.0.0/8'])).toBe(true);
    expect(isAddressAllowed('192.168.1.1', ['10.0.0.0/8'])).toBe(false);
    expect(isAddressAllowed('::1', ['[::1]'])).toBe(true);
    expect(isAddressAllowed('::ffff:127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(isAddressAllowed('not-an-ip', [])).toBe(false);
  });

  it('parses the allow-list into host names and ranges', () => {
    const list = parseAllowList([' Shop.Internal. ', '127.0.0.1', '10.0.0.0/8', '[::1]', '']);
    expect([...list.hosts]).toEqual(['shop.internal']);
    expect(list.ranges.map(([net, bits]) => `${net.toString()}/${bits}`)).toEqual(['127.0.0.1/32', '10.0.0.0/8', '::1/128']);
  });
});

describe('checkUrl', () => {
  const resolve = fakeDns({
    'shop.example': ['93.184.216.34'],
    'evil.example': ['10.0.0.1'],
    'mixed.example': ['93.184.216.34', '127.0.0.1'],
    'metadata.example': ['169.254.169.254'],
    'v6.example': ['fe80::1'],
  });

  it('passes a public host and returns the checked addresses', async () => {
    const checked = await checkUrl('https://Shop.Example/p?id=1', { resolve });
    expect(checked.hostname).toBe('shop.example');
    expect(checked.addresses).toEqual([{ address: '93.184.216.34', family: 4 }]);
  });

  it.each([
    'http://127.0.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://[::1]:8080/',
    'http://[fe80::1]/',
    'http://[::ffff:10.0.0.1]/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0.0.0.0/',
    'http://evil.example/',
    'http://mixed.example/',
    'http://metadata.example/',
    'http://v6.example/',
    'ftp://shop.example/',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s with blocked_by_policy', async (url) => {
    const err = await refusal(url, { resolve });
    expect(err).toBeInstanceOf(FetchError);
    expect(err?.code).toBe('blocked_by_policy');
    expect(err?.retryable).toBe(false);
  });

  it('lets the allow-list through by host name, IP or CIDR', async () => {
    expect(await refusal('http://evil.example/', { resolve, allowHosts: ['evil.example'] })).toBeNull();
    expect(await refusal('http://evil.example/', { resolve, allowHosts: ['10.0.0.0/8'] })).toBeNull();
    expect(await refusal('http://127.0.0.1:3000/', { resolve, allowHosts: ['127.0.0.1'] })).toBeNull();
    expect((await refusal('http://mixed.example/', { resolve, allowHosts: ['10.0.0.0/8'] }))?.code).toBe('blocked_by_policy');
  });

  it('reports a name that does not resolve as a retryable failure, not a policy refusal', async () => {
    const err = await refusal('http://nowhere.example/', { resolve });
    expect(err?.code).toBe('http_5xx');
  });
});

describe('pinnedLookup', () => {
  it('answers with the checked addresses only', async () => {
    const lookup = pinnedLookup([
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ]);
    const all = await new Promise((resolve) => lookup('anything', { all: true }, (_err, addresses) => resolve(addresses)));
    expect(all).toEqual([
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ]);
    const six = await new Promise((resolve) => lookup('anything', { family: 6 }, (_err, address) => resolve(address)));
    expect(six).toBe('::1');
  });
});

describe('cachingResolver', () => {
  it('asks once per host within the TTL and forgets failures', async () => {
    const asked: string[] = [];
    const resolve = cachingResolver(async (hostname) => {
      asked.push(hostname);
      if (hostname === 'down.example') throw new Error('SERVFAIL');
      return [{ address: '93.184.216.34', family: 4 }];
    });
    await resolve('shop.example');
    await resolve('shop.example');
    await expect(resolve('down.example')).rejects.toThrow('SERVFAIL');
    await expect(resolve('down.example')).rejects.toThrow('SERVFAIL');
    expect(asked).toEqual(['shop.example', 'down.example', 'down.example']);
  });
});
