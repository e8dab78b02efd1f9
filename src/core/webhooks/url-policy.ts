import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The SSRF guard for webhook URLs. A partner chooses the URL, and the server sends requests
 * to it from inside the operator's network, so only addresses that ipaddr.js classifies as
 * plain public unicast are allowed: loopback, private, link-local, unique-local, CGNAT,
 * multicast, reserved, documentation, benchmarking and unspecified ranges are refused, and so
 * are the IPv6 forms that carry an IPv4 address or a tunnel to one (NAT64, 6to4, Teredo,
 * IPv4-compatible, SIIT), since where they lead depends on the operator's network. An
 * IPv4-mapped address (::ffff:a.b.c.d) is the IPv4 address itself and is judged as one.
 * Hosts are checked at creation and again at every connection, on the very addresses the
 * socket connects to, so a DNS answer that changes (rebinding) cannot slip through.
 */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/** Readable names for ipaddr.js's ranges, as they appear in refusals. */
const KIND_NAMES: Record<string, string> = {
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  carrierGradeNat: 'carrier-grade NAT',
  broadcast: 'broadcast',
  rfc6052: 'NAT64',
  rfc6145: 'IPv4-translated',
  '6to4': '6to4',
  teredo: 'Teredo',
  ipv4Compatible: 'IPv4-compatible',
  deprecatedSiteLocal: 'site-local',
  discard: 'discard-only',
  as112: 'AS112',
  as112v6: 'AS112',
  amt: 'AMT',
  deprecatedOrchid: 'ORCHID',
  orchid2: 'ORCHID',
  droneRemoteIdProtocolEntityTags: 'DRIP',
  segmentRouting: 'segment routing',
};

function rangeOf(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return rangeOf(v6.toIPv4Address());
    const range = v6.range();
    // ::a.b.c.d (deprecated) is "unicast" to ipaddr.js, but some stacks still route it to IPv4.
    return range === 'unicast' && v6.match(IPV4_COMPATIBLE) ? 'ipv4Compatible' : range;
  }
  return address.range();
}

/** Why an address may not receive webhooks ("loopback", "private", ...), or null when it is public. */
export function restrictedKind(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  const range = rangeOf(ipaddr.parse(family === 6 ? hexTail(address) : address));
  return range === 'unicast' ? null : (KIND_NAMES[range] ?? range);
}

/**
 * ipaddr.js reads "::a.b.c.d" as the IPv4-mapped "::ffff:a.b.c.d", where Node (and the socket)
 * read "::" followed by two groups; writing the dotted tail as those groups keeps both agreeing.
 */
function hexTail(address: string): string {
  const [ip = '', zone] = address.split('%');
  const hex = ip.replace(
    /(\d+)\.(\d+)\.(\d+)\.(\d+)$/,
    (_all, a: string, b: string, c: string, d: string) => `${((Number(a) << 8) | Number(b)).toString(16)}:${((Number(c) << 8) | Number(d)).toString(16)}`,
  );
  return zone === undefined ? hex : `${hex}%${zone}`;
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
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http or https URL';
  }
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
    lookupAll(hostname)
      .then((found) => {
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
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}

/** For a URL whose host is an IP literal (no lookup happens): the refusal, or null. */
export function checkLiteral(host: string, allowPrivate: boolean): AddressNotAllowedError | null {
  if (allowPrivate || !isIP(host)) return null;
  const kind = restrictedKind(host);
  return kind ? refusal(host, kind) : null;
}
