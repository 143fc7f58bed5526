import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Whether the service may connect to an address when private receivers are not allowed: only
 * public unicast. Loopback, private, link-local, unique-local, CGNAT, multicast, reserved and
 * the unspecified address are refused, IPv4-mapped IPv6 (::ffff:10.0.0.1) judged as the IPv4
 * address it carries, and NAT64 / 6to4 / Teredo forms refused since they embed another address.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === "unicast";
}

export class RefusedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `${host} resolves to ${address}, a private, loopback or link-local address: outbound events go to public addresses only (OUTBOUND_ALLOW_PRIVATE_URLS allows others)`,
    );
    this.name = "RefusedAddressError";
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s) agents that refuses private addresses: the check is on the address the
 * socket then connects to, so a name that resolves to a public address when checked and to a
 * private one when connecting (DNS rebinding) is still refused.
 */
export function guardedLookup(
  hostname: string,
  options: { all?: boolean; family?: number | string } | number,
  callback: LookupCallback,
): void {
  const opts = typeof options === "number" ? { family: options } : options;
  dnsLookup(hostname, { ...opts, all: true } as never, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) return callback(new RefusedAddressError(hostname, refused.address) as never, []);
    if (opts.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), []);
    callback(null, first.address, first.family);
  });
}

/** Refuses a URL whose host is an IP literal outside the public range (no lookup happens then). */
export function literalAddressRefused(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!isIP(host)) return undefined;
  return isPublicAddress(host) ? undefined : host;
}

/** Resolves a host and returns the first address that is not public, if any (for validation). */
export async function firstPrivateAddress(url: URL): Promise<string | undefined> {
  const literal = literalAddressRefused(url);
  if (literal) return literal;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return undefined;
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    dnsLookup(host, { all: true }, (error, list) => resolve(error ? [] : list)),
  );
  return addresses.find((entry) => !isPublicAddress(entry.address))?.address;
}
