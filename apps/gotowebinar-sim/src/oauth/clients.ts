import type { OAuthClient } from "../state/types";

export const DEFAULT_SCOPE = "collab: identity:scim.me";
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

export function redirectAllowed(client: OAuthClient, uri: string): boolean {
  if (client.redirectUris.length > 0) return client.redirectUris.includes(uri);
  try {
    const url = new URL(uri);
    return (url.protocol === "http:" || url.protocol === "https:") && LOOPBACK_HOSTS.includes(url.hostname);
  } catch {
    return false;
  }
}

/** RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64. */
export function parseBasicAuth(header: string | undefined): { id: string; secret: string } | "malformed" | undefined {
  if (!header) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match?.[1]) return /^Basic\b/i.test(header) ? "malformed" : undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return "malformed";
  const formDecode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, " "));
    } catch {
      return s;
    }
  };
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}
