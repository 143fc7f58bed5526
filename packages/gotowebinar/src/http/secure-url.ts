/**
 * Tokens and client secrets only travel over HTTPS. Plain HTTP is allowed for loopback hosts
 * (127.0.0.0/8, localhost, ::1) so the stand-in and local development work.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) return v4.slice(1).every((part) => Number(part) <= 255);
  const mapped = /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.exec(host);
  return mapped !== null;
}

export type UrlSecurity = { ok: true; url: URL; insecureLoopback: boolean } | { ok: false; reason: string };

export function checkBaseUrl(raw: string): UrlSecurity {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: `${JSON.stringify(raw)} is not an absolute URL` };
  }
  if (url.protocol === "https:") return { ok: true, url, insecureLoopback: false };
  if (url.protocol === "http:") {
    if (isLoopbackHost(url.hostname)) return { ok: true, url, insecureLoopback: true };
    return {
      ok: false,
      reason: `plain http is only allowed for loopback hosts (127.0.0.0/8, localhost, ::1), not ${url.hostname}; use https`,
    };
  }
  return { ok: false, reason: `unsupported protocol ${url.protocol} in ${JSON.stringify(raw)}` };
}

/** Strips a trailing slash so paths can be appended with a leading one. */
export function trimBase(url: URL): string {
  return url.toString().replace(/\/+$/, "");
}
