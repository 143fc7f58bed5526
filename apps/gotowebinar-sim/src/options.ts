import { SIGNATURE_SCHEMES, type SignatureScheme } from "@gw/webhook-signature";

export type RefreshMode = "omit" | "rotate-on-expiry" | "rotate-always";
export const REFRESH_MODES: readonly RefreshMode[] = ["omit", "rotate-on-expiry", "rotate-always"];

export interface SimOptions {
  /** Default OAuth client: "demo-client" / "demo-secret". */
  clientId?: string;
  clientSecret?: string;
  /** Allowed redirect URIs; when empty, any loopback http(s) URL is allowed. */
  redirectUris?: string[];
  /** Default 3600. */
  accessTokenTtlSeconds?: number;
  /** docs/gotowebinar-api.md §2.4; default "omit". */
  refreshMode?: RefreshMode;
  /** rotate-on-expiry: age after which a refresh token counts as expired and is swapped (default 30 days). */
  refreshTokenTtlSeconds?: number;
  /** organizer_key/account_key in the token response (legacy behaviour), default false. */
  includeKeysInTokenResponse?: boolean;
  /** Per OAuth client; default 10; 0 disables. */
  rateLimitPerSecond?: number;
  /** Default "hmac-sha256-timestamp". */
  signatureScheme?: SignatureScheme;
  /** Skip the consent page: true signs in as the default organizer. */
  autoApprove?: boolean | { organizerKey: string };
  /** Deterministic keys and data. */
  seed?: number;
  /** Initial clock (default real time). */
  now?: Date;
  /** Stop the clock; it then moves only through the control API. */
  frozenClock?: boolean;
  /** Fastify logger option. */
  logger?: boolean | object;
  /** Delays between webhook delivery attempts; its length is the number of retries. Default [1000, 5000, 15000]. */
  webhookRetryDelaysMs?: number[];
  /** Deliver every webhook event twice (idempotency tests). */
  duplicateWebhookDeliveries?: boolean;
  /** Refuse http:// callback URLs like the real API does; default false so local receivers work. */
  requireHttpsCallbacks?: boolean;
  /**
   * Which Accept header gives the basic (name + email only) registrant create.
   * "v2" (default, per the v2 spec): `application/vnd.citrix.g2wapi-v1.1+json` is basic.
   * "v1": that header enables the extended fields and anything else is basic.
   */
  registrantAcceptMode?: "v2" | "v1";
  /** Base URL used in OAuth metadata; default: derived from each request's Host. */
  publicUrl?: string;
  /**
   * Leave `_embedded` out of an empty page of a list envelope. GoTo's spec marks `_embedded` as
   * required (the default sends `{ <name>: [] }`); some clients report pages without it.
   */
  omitEmptyEmbedded?: boolean;
  /** The organizer that always exists. */
  defaultOrganizer?: { email?: string; firstName?: string; lastName?: string; timeZone?: string };
}

/** The options after defaults; the mutable ones can be changed at run time through /_sim/settings. */
export interface Settings {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  accessTokenTtlSeconds: number;
  refreshMode: RefreshMode;
  refreshTokenTtlSeconds: number;
  includeKeysInTokenResponse: boolean;
  rateLimitPerSecond: number;
  signatureScheme: SignatureScheme;
  autoApprove: boolean | { organizerKey: string };
  seed: number;
  webhookRetryDelaysMs: number[];
  duplicateWebhookDeliveries: boolean;
  requireHttpsCallbacks: boolean;
  registrantAcceptMode: "v2" | "v1";
  publicUrl: string | undefined;
  omitEmptyEmbedded: boolean;
  defaultOrganizer: { email: string; firstName: string; lastName: string; timeZone: string };
}

export function resolveSettings(options: SimOptions): Settings {
  const settings: Settings = {
    clientId: options.clientId ?? "demo-client",
    clientSecret: options.clientSecret ?? "demo-secret",
    redirectUris: options.redirectUris ?? [],
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    refreshMode: options.refreshMode ?? "omit",
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 30 * 24 * 3600,
    includeKeysInTokenResponse: options.includeKeysInTokenResponse ?? false,
    rateLimitPerSecond: options.rateLimitPerSecond ?? 10,
    signatureScheme: options.signatureScheme ?? "hmac-sha256-timestamp",
    autoApprove: options.autoApprove ?? false,
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
    webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? [1000, 5000, 15000],
    duplicateWebhookDeliveries: options.duplicateWebhookDeliveries ?? false,
    requireHttpsCallbacks: options.requireHttpsCallbacks ?? false,
    registrantAcceptMode: options.registrantAcceptMode ?? "v2",
    publicUrl: options.publicUrl?.replace(/\/+$/, ""),
    omitEmptyEmbedded: options.omitEmptyEmbedded ?? false,
    defaultOrganizer: {
      email: options.defaultOrganizer?.email ?? "organizer@example.com",
      firstName: options.defaultOrganizer?.firstName ?? "Olivia",
      lastName: options.defaultOrganizer?.lastName ?? "Organizer",
      timeZone: options.defaultOrganizer?.timeZone ?? "America/New_York",
    },
  };
  validateSettings(settings);
  return settings;
}

export function validateSettings(s: Settings): void {
  const problems: string[] = [];
  if (!s.clientId) problems.push("clientId must not be empty");
  if (!s.clientSecret) problems.push("clientSecret must not be empty");
  if (!(s.accessTokenTtlSeconds > 0))
    problems.push(`accessTokenTtlSeconds must be > 0, got ${s.accessTokenTtlSeconds}`);
  if (!(s.refreshTokenTtlSeconds > 0))
    problems.push(`refreshTokenTtlSeconds must be > 0, got ${s.refreshTokenTtlSeconds}`);
  if (!REFRESH_MODES.includes(s.refreshMode)) problems.push(`refreshMode must be one of ${REFRESH_MODES.join(", ")}`);
  if (!(s.rateLimitPerSecond >= 0)) problems.push(`rateLimitPerSecond must be >= 0, got ${s.rateLimitPerSecond}`);
  if (!SIGNATURE_SCHEMES.includes(s.signatureScheme)) {
    problems.push(`signatureScheme must be one of ${SIGNATURE_SCHEMES.join(", ")}, got ${String(s.signatureScheme)}`);
  }
  if (!s.webhookRetryDelaysMs.every((d) => Number.isFinite(d) && d >= 0)) {
    problems.push("webhookRetryDelaysMs must hold non-negative numbers");
  }
  if (problems.length > 0) throw new Error(`Invalid sim options: ${problems.join("; ")}`);
}
