import { isIP } from "node:net";
import { isLoopbackHost } from "@gw/gotowebinar";

/** The events GoTo Webinar offers (docs/gotowebinar-api.md §6.1); one webhook + subscription each. */
export const WEBHOOK_EVENT_NAMES = [
  "registrant.added",
  "registrant.joined",
  "webinar.created",
  "webinar.changed",
  "survey.submitted",
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[number];

/** Where GoTo delivers a connector's events; the path names the connector (and so its secret). */
export const WEBHOOK_PATH_PREFIX = "/webhooks/goto";

/** The parts of the app config the webhook rules read (the whole AppConfig fits). */
export interface WebhookSettings {
  http: { publicUrl: string };
  webhooks: { allowLoopback: boolean };
}

export function webhookCallbackUrl(publicUrl: string, connectorId: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${WEBHOOK_PATH_PREFIX}/${connectorId}`;
}

export type WebhookAvailability = { enabled: true } | { enabled: false; reason: string };

/**
 * Whether GoTo can reach PUBLIC_URL at all. GoTo calls callbacks from the internet over https, so
 * a loopback, private or plain-http address means no deliveries: webhooks are then skipped and
 * polling alone keeps the data fresh. `allowLoopback` lifts the rule for the stand-in (tests, demo).
 */
export function webhookAvailability(settings: WebhookSettings): WebhookAvailability {
  let url: URL;
  try {
    url = new URL(settings.http.publicUrl);
  } catch {
    return { enabled: false, reason: `PUBLIC_URL ${JSON.stringify(settings.http.publicUrl)} is not an absolute URL.` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { enabled: false, reason: `PUBLIC_URL must be an http(s) URL, not ${url.protocol}` };
  }
  if (settings.webhooks.allowLoopback) return { enabled: true };
  const suffix = "so GoTo cannot deliver webhooks and changes arrive by polling alone";
  const kind = nonPublicHostKind(url.hostname);
  if (kind) {
    return {
      enabled: false,
      reason: `PUBLIC_URL ${url.origin} is a ${kind} address that GoTo cannot reach from the internet, ${suffix}. Set PUBLIC_URL to this service's public https address to turn webhooks on.`,
    };
  }
  if (url.protocol !== "https:") {
    return {
      enabled: false,
      reason: `PUBLIC_URL ${url.origin} is not https and GoTo only calls https callback URLs, ${suffix}.`,
    };
  }
  return { enabled: true };
}

/** "loopback", "private" or undefined for a host that may be public. */
function nonPublicHostKind(hostname: string): "loopback" | "private" | undefined {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (isLoopbackHost(host)) return "loopback";
  const version = isIP(host);
  if (version === 4) {
    const [a = 0, b = 0] = host.split(".").map(Number);
    const isPrivate =
      a === 10 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127);
    return isPrivate ? "private" : undefined;
  }
  if (version === 6) {
    return host === "::" || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) ? "private" : undefined;
  }
  // A single-label name (a compose service like "api") or a reserved local suffix resolves only inside a network.
  if (!host.includes(".") || /\.(local|internal|lan|home\.arpa|localdomain)$/.test(host)) return "private";
  return undefined;
}
