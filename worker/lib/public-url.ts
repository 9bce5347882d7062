/**
 * Whether a URL is a public http(s) address the Worker may fetch (link previews, images, webhooks): the one
 * rule against server-side request forgery. The WHATWG URL parser has already rewritten every IPv4 form
 * (`2130706433`, `0x7f.1`, `0177.0.0.1`) to dotted decimal and every IPv6 literal to its compressed form,
 * so only those two forms are classified here.
 */

// Names that only resolve inside a network (RFC 6761, RFC 6762 appendix G, RFC 8375) or to the machine itself.
const PRIVATE_SUFFIXES = ['localhost', 'local', 'internal', 'intranet', 'private', 'corp', 'home', 'lan', 'home.arpa'];

/** True for `localhost`, `*.local`, `*.internal`… and single-label names, which name a machine or a private network. */
export function isPrivateHostName(host: string): boolean {
  const name = host.replace(/\.$/, '').toLowerCase();
  return !name.includes('.') || PRIVATE_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

// IPv4 blocks that are not public unicast (RFC 6890): [first address, prefix length].
const NON_PUBLIC_V4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Number(address: string): number | undefined {
  const parts = IPV4.exec(address)?.slice(1).map(Number);
  if (!parts || parts.some((part) => part > 255)) return undefined;
  return parts.reduce((sum, part) => sum * 256 + part, 0);
}

/** True when `address` (dotted decimal) is in a loopback, private, link-local, CGNAT, multicast or reserved block. */
export function isNonPublicIpv4(address: string): boolean {
  const value = ipv4Number(address);
  if (value === undefined) return true;
  return NON_PUBLIC_V4.some(([first, prefix]) => Math.floor(value / 2 ** (32 - prefix)) === Math.floor((ipv4Number(first) ?? 0) / 2 ** (32 - prefix)));
}

/** The eight 16-bit groups of a compressed IPv6 address as the URL parser writes it. */
function ipv6Groups(address: string): number[] | undefined {
  const [head = '', tail, extra] = address.split('::');
  if (extra !== undefined) return undefined;
  const parse = (part: string) => (part ? part.split(':').map((group) => Number.parseInt(group, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const groups = tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : undefined;
}

/**
 * True unless `address` is global unicast (2000::/3) outside the documentation, 6to4 and Teredo/IETF blocks: so
 * `::1`, `::`, `fc00::/7`, `fe80::/10`, multicast and every IPv4-mapped or -embedded form are refused.
 */
export function isNonPublicIpv6(address: string): boolean {
  const groups = ipv6Groups(address);
  if (!groups) return true;
  const [first = 0, second = 0] = groups;
  if (first < 0x2000 || first > 0x3fff) return true;
  return (first === 0x2001 && (second === 0x0db8 || second < 0x0200)) || first === 0x2002;
}

/** `href` parsed when it is an http(s) URL without a user name or password; else why not. */
export function parseHttpUrl(href: string): URL | string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'must be an http or https URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  if (url.username || url.password) return 'must not hold a user name or password';
  return url;
}

/**
 * Why the Worker may not fetch `href`, or undefined when it may: http or https only, no user name or password,
 * the default port only, no host that names this machine or a private network, no IP literal outside public
 * unicast. A public name whose DNS points inside a network cannot be told from here; Workers cannot reach
 * private networks, so a deployment stays safe, and the check keeps the rule explicit everywhere else.
 */
export function publicUrlIssue(href: string): string | undefined {
  const url = parseHttpUrl(href);
  if (typeof url === 'string') return url;
  if (url.port !== '') return 'must use the default port';
  const host = url.hostname;
  if (host.startsWith('[')) return isNonPublicIpv6(host.slice(1, -1)) ? 'must be a public address' : undefined;
  if (IPV4.test(host)) return isNonPublicIpv4(host) ? 'must be a public address' : undefined;
  return isPrivateHostName(host) ? 'must be a public address, not a local or private host' : undefined;
}

/** True when the Worker may fetch `href` (see `publicUrlIssue`). */
export const isPublicUrl = (href: string): boolean => publicUrlIssue(href) === undefined;
