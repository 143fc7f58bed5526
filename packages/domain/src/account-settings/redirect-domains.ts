import type { Db } from "@gw/db";
import { DomainError, invalid } from "../errors/index";

/** Most domains an account lists; a list longer than this is a sign of a mistake, not of policy. */
export const MAX_REDIRECT_DOMAINS = 50;

const HOST_NAME = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;

/**
 * A domain as the admin typed it ("Example.com", "https://www.example.com/", "*.example.com")
 * reduced to the host name the rule compares, or null when it is not a host name.
 */
export function normalizeRedirectDomain(input: string): string | null {
  let host = input.trim().toLowerCase();
  if (host.includes("://")) {
    try {
      host = new URL(host).hostname;
    } catch {
      return null;
    }
  }
  host = host.replace(/^\*\./, "").replace(/\.$/, "").replace(/\/+$/, "");
  return HOST_NAME.test(host) ? host : null;
}

/** Whether `host` is one of the listed domains or a subdomain of one. */
export function isAllowedRedirectHost(host: string, domains: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return domains.some((d) => h === d || h.endsWith(`.${d}`));
}

export async function getRedirectDomains(options: { db: Db; accountId: string }): Promise<string[]> {
  const row = await options.db.account.findUnique({
    where: { id: options.accountId },
    select: { formRedirectDomains: true },
  });
  return row?.formRedirectDomains ?? [];
}

export async function setRedirectDomains(options: { db: Db; accountId: string; domains: string[] }): Promise<string[]> {
  if (options.domains.length > MAX_REDIRECT_DOMAINS) {
    throw invalid("domains", `List at most ${MAX_REDIRECT_DOMAINS} domains`);
  }
  const domains: string[] = [];
  options.domains.forEach((input, i) => {
    const host = normalizeRedirectDomain(input);
    if (!host) throw invalid(`domains.${i}`, `"${input}" is not a domain name; enter one like example.com`);
    if (!domains.includes(host)) domains.push(host);
  });
  await options.db.account.update({ where: { id: options.accountId }, data: { formRedirectDomains: domains } });
  return domains;
}

export type RedirectActor = "ADMIN" | "MARKETER";

/**
 * The thank-you redirect a form may store, normalised (the address a browser will really go
 * to), or a refusal naming `redirectUrl`. Anyone may send people back to this service itself or
 * to a listed domain; only an admin may choose another https site (the editor warns them), and a
 * marketer is told to ask one to list it. Addresses that hide their real host are refused
 * outright: credentials before the host (`https://good.com@evil.com`), backslashes that browsers
 * read as slashes, and anything but http(s).
 */
export function checkRedirectUrl(options: {
  redirectUrl: string;
  actor: RedirectActor;
  domains: readonly string[];
  /** PUBLIC_URL's host: the service's own pages are never "external". */
  ownHost?: string;
}): string {
  const raw = options.redirectUrl.trim();
  if (/[\\\s]/.test(raw)) throw invalid("redirectUrl", "The redirect address must not contain spaces or backslashes");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid("redirectUrl", "Enter a full address, like https://www.example.com/thanks");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid("redirectUrl", "The redirect address must start with https://");
  }
  if (url.username || url.password) {
    throw invalid("redirectUrl", "The redirect address must not contain a user name or password before the host");
  }
  const host = url.hostname;
  const own = options.ownHost !== undefined && host === options.ownHost.toLowerCase();
  const listed = own || isAllowedRedirectHost(host, options.domains);
  if (!listed && options.actor !== "ADMIN") {
    throw new DomainError(
      "FORBIDDEN",
      `${host} is not on this account's list of allowed redirect domains; ask an admin to add it, or leave the redirect empty`,
      { field: "redirectUrl" },
    );
  }
  if (!listed && url.protocol !== "https:") {
    throw invalid("redirectUrl", "A redirect to a site that is not on the allowed list must use https://");
  }
  return url.href;
}
