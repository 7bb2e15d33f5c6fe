import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { FetchError } from './fetch-error.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses; injectable so tests never touch DNS or the network. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Host names, IPs and CIDRs that may be reached although they are private, loopback, link-local, … */
export interface AllowList {
  hosts: ReadonlySet<string>;
  ranges: readonly (readonly [Address, number])[];
}

export interface GuardOptions {
  allowHosts?: AllowList | readonly string[];
  resolve?: Resolver;
}

/** A URL that passed the guard, with the addresses it was checked against (connect only to these). */
export interface CheckedUrl {
  url: URL;
  hostname: string;
  addresses: ResolvedAddress[];
}

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

function normaliseHost(host: string): string {
  return host.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
}

/** Parses `RIVALSCOPE_ALLOW_HOSTS` entries: `shop.internal`, `127.0.0.1`, `[::1]`, `10.0.0.0/8`. */
export function parseAllowList(entries: readonly string[]): AllowList {
  const hosts = new Set<string>();
  const ranges: (readonly [Address, number])[] = [];
  for (const raw of entries) {
    const entry = normaliseHost(raw.trim());
    if (!entry) continue;
    if (ipaddr.isValidCIDR(entry)) ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.parse(entry);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else hosts.add(entry);
  }
  return { hosts, ranges };
}

function toAllowList(allow: AllowList | readonly string[] | undefined): AllowList {
  if (!allow) return { hosts: new Set(), ranges: [] };
  return 'hosts' in allow ? allow : parseAllowList(allow as readonly string[]);
}

function inRanges(address: Address, allow: AllowList): boolean {
  return allow.ranges.some(([net, bits]) => net.kind() === address.kind() && address.match(net, bits));
}

/**
 * Why the guard refuses to connect to this IP (`loopback`, `private`, `linkLocal`, `carrierGradeNat`,
 * `uniqueLocal`, `ipv4Mapped`, `unspecified`, `multicast`, `broadcast`, `reserved`, …), or null when allowed.
 * Only globally routable unicast addresses pass, unless the allow-list names the address or its range.
 */
export function addressRefusal(ip: string, allowHosts?: AllowList | readonly string[]): string | null {
  const candidate = normaliseHost(ip);
  if (!ipaddr.isValid(candidate)) return 'not an IP address';
  const address = ipaddr.parse(candidate);
  const allow = toAllowList(allowHosts);
  if (inRanges(address, allow)) return null;
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    return inRanges((address as ipaddr.IPv6).toIPv4Address(), allow) ? null : 'ipv4Mapped';
  }
  const range = address.range();
  return range === 'unicast' ? null : range;
}

export function isAddressAllowed(ip: string, allowHosts?: AllowList | readonly string[]): boolean {
  return addressRefusal(ip, allowHosts) === null;
}

function refuse(url: string, why: string): FetchError {
  return new FetchError('blocked_by_policy', `refused ${url}: ${why}`);
}

/**
 * Checks a URL before connecting: http(s) only; the host's addresses (resolved here) must all be public
 * unless the host name or the addresses are allow-listed. Throws FetchError `blocked_by_policy`.
 */
export async function checkUrl(url: string | URL, options: GuardOptions = {}): Promise<CheckedUrl> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse(String(url), 'not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw refuse(parsed.href, `scheme ${parsed.protocol} is not allowed`);
  const allow = toAllowList(options.allowHosts);
  const hostname = normaliseHost(parsed.hostname);
  const hostAllowed = allow.hosts.has(hostname);
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(hostname)) {
    addresses = [{ address: hostname, family: ipaddr.parse(hostname).kind() === 'ipv4' ? 4 : 6 }];
  } else {
    try {
      addresses = await (options.resolve ?? systemResolver)(hostname);
    } catch (cause) {
      throw new FetchError('http_5xx', `cannot resolve ${hostname}: ${(cause as Error).message}`, { cause });
    }
    if (addresses.length === 0) throw new FetchError('http_5xx', `${hostname} has no addresses`);
  }
  if (!hostAllowed) {
    for (const { address } of addresses) {
      const why = addressRefusal(address, allow);
      if (why) throw refuse(parsed.href, `${hostname} is ${address} (${why})`);
    }
  }
  return { url: parsed, hostname, addresses };
}

/** A `lookup` for node:net that answers with the checked addresses, so the connection goes where the guard looked. */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 4 || options.family === 6 ? options.family : 0;
    const usable = addresses.filter((a) => family === 0 || a.family === family);
    const first = usable[0];
    if (!first) {
      callback(Object.assign(new Error('no checked address of the requested family'), { code: 'ENOTFOUND' }), '', 0);
      return;
    }
    if (options.all) callback(null, usable.map((a): LookupAddress => ({ address: a.address, family: a.family })));
    else callback(null, first.address, first.family);
  };
}

/**
 * Remembers answers for `ttlMs` so a page's many subrequests do not each ask DNS (twice: route check and proxy).
 * Failed lookups are not remembered.
 */
export function cachingResolver(inner: Resolver = systemResolver, ttlMs = 30_000, maxEntries = 1000): Resolver {
  const answers = new Map<string, { expires: number; addresses: Promise<ResolvedAddress[]> }>();
  return (hostname) => {
    const cached = answers.get(hostname);
    if (cached && cached.expires > Date.now()) return cached.addresses;
    const addresses = inner(hostname);
    answers.delete(hostname);
    answers.set(hostname, { expires: Date.now() + ttlMs, addresses });
    addresses.catch(() => answers.get(hostname)?.addresses === addresses && answers.delete(hostname));
    if (answers.size > maxEntries) answers.delete(answers.keys().next().value as string);
    return addresses;
  };
}
