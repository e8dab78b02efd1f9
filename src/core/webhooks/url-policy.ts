import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * The SSRF guard for webhook URLs. A partner chooses the URL, and the server sends requests
 * to it from inside the operator's network, so addresses that reach that network (loopback,
 * private, link-local, cloud metadata at 169.254.169.254, CGNAT) are refused unless the
 * operator allows them. Hosts are checked at creation and again at every connection, on the
 * very addresses the socket connects to, so a DNS answer that changes (rebinding) cannot slip
 * through.
 */
const RANGES: [kind: string, network: string, prefix: number, family: 'ipv4' | 'ipv6'][] = [
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['shared (CGNAT)', '100.64.0.0', 10, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'],
  ['documentation', '192.0.2.0', 24, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'],
  ['documentation', '198.51.100.0', 24, 'ipv4'],
  ['documentation', '203.0.113.0', 24, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  ['reserved', '100::', 64, 'ipv6'],
  ['documentation', '2001:db8::', 32, 'ipv6'],
  ['private', 'fc00::', 7, 'ipv6'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['site-local', 'fec0::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
];

const LISTS = new Map<string, BlockList>();
for (const [kind, network, prefix, family] of RANGES) {
  if (!LISTS.has(kind)) LISTS.set(kind, new BlockList());
  LISTS.get(kind)!.addSubnet(network, prefix, family);
}

/** Why an address may not receive webhooks ("loopback", "private", ...), or null when it is public. */
export function restrictedKind(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [kind, list] of LISTS) {
    // BlockList also matches IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) against IPv4 ranges.
    if (list.check(address, type)) return kind;
  }
  const embedded = family === 6 ? nat64Embedded(address) : null;
  return embedded ? restrictedKind(embedded) : null;
}

/** NAT64 (64:ff9b::/96) addresses reach the IPv4 address in their last 32 bits. */
function nat64Embedded(address: string): string | null {
  const groups = expandIpv6(address);
  if (!groups || groups[0] !== 0x64 || groups[1] !== 0xff9b || groups.slice(2, 6).some((g) => g !== 0)) return null;
  const [high, low] = [groups[6]!, groups[7]!];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

function expandIpv6(address: string): number[] | null {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  const groups = [...left, ...fill, ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

export class AddressNotAllowedError extends Error {
  readonly code = 'EADDRNOTALLOWED';
}

function refusal(address: string, kind: string): AddressNotAllowedError {
  return new AddressNotAllowedError(`the host points to ${address} (${kind})`);
}

/** The host of a URL as a name or a bare IP (without IPv6 brackets). */
export function urlHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export type LookupAll = (hostname: string) => Promise<LookupAddress[]>;

const systemLookupAll: LookupAll = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/**
 * Checks a webhook URL when it is saved: http(s) only, no credentials in it, and (unless
 * private addresses are allowed) every address its host resolves to is public.
 * Returns the problem, or null when the URL is acceptable.
 */
export async function checkWebhookUrl(raw: string, options: { allowPrivate: boolean; lookupAll?: LookupAll }): Promise<string | null> {
  let url: URL;
  try { url = new URL(raw); } catch { return 'must be an absolute http or https URL'; }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  if (url.username || url.password) return 'must not contain credentials; send them in a custom header instead';
  if (options.allowPrivate) return null;
  const host = urlHost(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await (options.lookupAll ?? systemLookupAll)(host)).map((a) => a.address);
    } catch {
      return `the host "${host}" could not be resolved`;
    }
  }
  for (const address of addresses) {
    const kind = restrictedKind(address);
    if (kind) return `${refusal(address, kind).message}, where webhooks may not be sent`;
  }
  return null;
}

/**
 * A `lookup` for http.request that refuses the connection when any address of the host is
 * restricted. Node connects only to addresses this function returns, so the check and the
 * connection cannot disagree. IP-literal hosts skip lookup: check them with `checkLiteral`.
 */
export function guardedLookup(options: { allowPrivate: boolean; lookupAll?: LookupAll }): LookupFunction {
  const lookupAll = options.lookupAll ?? systemLookupAll;
  return (hostname, lookupOptions, callback) => {
    lookupAll(hostname).then((found) => {
      const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
      const addresses = family ? found.filter((a) => a.family === family) : found;
      if (addresses.length === 0) throw Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
      if (!options.allowPrivate) {
        for (const { address } of addresses) {
          const kind = restrictedKind(address);
          if (kind) throw refusal(address, kind);
        }
      }
      if (lookupOptions.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    }).catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}

/** For a URL whose host is an IP literal (no lookup happens): the refusal, or null. */
export function checkLiteral(host: string, allowPrivate: boolean): AddressNotAllowedError | null {
  if (allowPrivate || !isIP(host)) return null;
  const kind = restrictedKind(host);
  return kind ? refusal(host, kind) : null;
}
