import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * How GoTo Webinar signs webhook deliveries is not confirmed by any source we have
 * (docs/gotowebinar-api.md §6.2). The scheme is therefore a setting shared by the receiver and the
 * stand-in, and this module is the only place that knows the details:
 *
 * - `hmac-sha256-timestamp` (default): HMAC-SHA256 with the webhook secret key over
 *   `<timestamp>.<raw body>`; headers `x-webhook-signature: sha256=<hex>` and
 *   `x-webhook-signature-timestamp: <unix seconds>`. Binding the time lets the receiver refuse
 *   stale replays.
 * - `hmac-sha256`: HMAC-SHA256 over the raw body alone, same signature header (the API notes'
 *   literal proposal); replays are then caught only by the event key.
 * - `none`: no signature (for a real GoTo whose scheme turns out to differ; not recommended).
 */
export const SIGNATURE_SCHEMES = ["hmac-sha256-timestamp", "hmac-sha256", "none"] as const;
export type SignatureScheme = (typeof SIGNATURE_SCHEMES)[number];

export const SIGNATURE_HEADER = "x-webhook-signature";
export const TIMESTAMP_HEADER = "x-webhook-signature-timestamp";

export interface SignOptions {
  scheme: SignatureScheme;
  secret: string;
  body: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
}

/** Returns the headers to send with a delivery. */
export function signWebhook(options: SignOptions): Record<string, string> {
  if (options.scheme === "none") return {};
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = computeSignature(options.scheme, options.secret, options.body, timestamp);
  const headers: Record<string, string> = { [SIGNATURE_HEADER]: `sha256=${signature}` };
  if (options.scheme === "hmac-sha256-timestamp") headers[TIMESTAMP_HEADER] = String(timestamp);
  return headers;
}

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: "missing-signature" | "bad-signature" | "missing-timestamp" | "stale-timestamp" };

export interface VerifyOptions {
  scheme: SignatureScheme;
  /** Every secret currently valid (GoTo lets a new key become valid while the old one still is). */
  secrets: readonly string[];
  body: string;
  headers: Record<string, string | string[] | undefined>;
  toleranceSeconds?: number;
  /** Unix seconds; defaults to now. */
  now?: number;
}

export function verifyWebhook(options: VerifyOptions): VerifyResult {
  if (options.scheme === "none") return { ok: true };
  const sent = headerValue(options.headers, SIGNATURE_HEADER);
  if (!sent) return { ok: false, reason: "missing-signature" };
  let timestamp = 0;
  if (options.scheme === "hmac-sha256-timestamp") {
    const raw = headerValue(options.headers, TIMESTAMP_HEADER);
    if (!raw || !/^\d+$/.test(raw)) return { ok: false, reason: "missing-timestamp" };
    timestamp = Number(raw);
    const now = options.now ?? Math.floor(Date.now() / 1000);
    if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return { ok: false, reason: "stale-timestamp" };
  }
  const given = Buffer.from(sent.replace(/^sha256=/, ""), "utf8");
  for (const secret of options.secrets) {
    const expected = Buffer.from(computeSignature(options.scheme, secret, options.body, timestamp), "utf8");
    if (expected.length === given.length && timingSafeEqual(expected, given)) return { ok: true };
  }
  return { ok: false, reason: "bad-signature" };
}

function computeSignature(scheme: SignatureScheme, secret: string, body: string, timestamp: number): string {
  const message = scheme === "hmac-sha256-timestamp" ? `${timestamp}.${body}` : body;
  return createHmac("sha256", secret).update(message, "utf8").digest("hex");
}

function headerValue(headers: VerifyOptions["headers"], name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
