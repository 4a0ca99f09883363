import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * The special-purpose ranges (as ipaddr.js names them) put in words for the outbox page and the
 * API. Every range but public unicast is refused; these are the ones people meet.
 */
const RANGE_WORDS: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (where cloud metadata services live)',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  uniqueLocal: 'a unique local (private) IPv6 address',
  deprecatedSiteLocal: 'a site-local (private) IPv6 address',
  reserved: 'a reserved address',
};

/** The well-known NAT64 prefix (RFC 6052): an IPv6-only host reaches public IPv4 through it. */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');

const ipv4From = (high: number, low: number) => ipaddr.fromByteArray([high >> 8, high & 0xff, low >> 8, low & 0xff]) as ipaddr.IPv4;

/**
 * The IPv4 addresses an IPv6 transition address leads to, or undefined when it embeds none.
 * (IPv4-mapped ::ffff:a.b.c.d is unwrapped earlier by ipaddr.process.)
 */
function embeddedIPv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4[] | undefined {
  const p = address.parts as [number, number, number, number, number, number, number, number];
  switch (range) {
    case 'rfc6145': // ::ffff:0:a.b.c.d
      return [ipv4From(p[6], p[7])];
    case 'rfc6052': // 64:ff9b::a.b.c.d; the local-use NAT64 prefix embeds it elsewhere, so it is refused whole
      return address.match(NAT64_WELL_KNOWN) ? [ipv4From(p[6], p[7])] : undefined;
    case '6to4': // 2002:aabb:ccdd::/48 is the site behind a.b.c.d
      return [ipv4From(p[1], p[2])];
    case 'teredo': // 2001:0:<server>:<flags>:<port>:<client, inverted>
      return [ipv4From(p[2], p[3]), ipv4From(p[6] ^ 0xffff, p[7] ^ 0xffff)];
    case 'unicast': // IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks)
      return p.slice(0, 6).every((part) => part === 0) ? [ipv4From(p[6], p[7])] : [];
    default:
      return undefined;
  }
}

/** Why an address is not public, in words, or undefined when it is an ordinary public address. */
function notPublic(address: Address): string | undefined {
  const range = address.range();
  if (address.kind() === 'ipv4') return range === 'unicast' ? undefined : (RANGE_WORDS[range] ?? `a special-purpose address (${range})`);
  const embedded = embeddedIPv4(address as ipaddr.IPv6, range);
  if (embedded === undefined) return RANGE_WORDS[range] ?? `a special-purpose IPv6 address (${range})`;
  for (const inner of embedded) {
    const why = notPublic(inner);
    if (why) return `an IPv6 form of ${inner.toString()}, ${why}`;
  }
  return undefined;
}

/** The first entry of a CIDR list that is not a network, or undefined when all are (IPv4 in full: 10.0.0/8 is a typo). */
export function invalidNetwork(list: readonly string[]): string | undefined {
  return list.find((entry) => !ipaddr.IPv4.isValidCIDRFourPartDecimal(entry) && !ipaddr.IPv6.isValidCIDR(entry));
}

export interface AddressPolicy {
  /** Why Lyceum must not connect to this IP address, or undefined when it may. */
  refusal(address: string): string | undefined;
}

/**
 * Which addresses Lyceum may connect to: public unicast ones, plus `allowedNetworks` (CIDRs from
 * OUTBOUND_ALLOWED_NETWORKS, so an on-premise install reaches its own hosts). Everything else —
 * loopback, private, link-local (cloud metadata), CGNAT, multicast, reserved, and the IPv6 forms
 * that lead to those — would let whoever sets a webhook address probe the internal network.
 */
export function createAddressPolicy(allowedNetworks: readonly string[] = []): AddressPolicy {
  const allowed = allowedNetworks.map((cidr) => ipaddr.parseCIDR(cidr));
  const isAllowed = (address: Address) =>
    allowed.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
  return {
    refusal(text) {
      if (!ipaddr.isValid(text)) return 'not an IP address';
      const raw = ipaddr.parse(text);
      // ::ffff:10.0.0.5 is 10.0.0.5, for the allow-list as for the ranges.
      const address = ipaddr.process(text);
      if (isAllowed(raw) || isAllowed(address)) return undefined;
      return notPublic(address);
    },
  };
}
