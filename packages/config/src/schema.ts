import { z } from "zod";

// Defaults work on a development machine of this project's kind (Postgres and Redis on
// loopback). In production the secrets have no defaults: a copied dev key would be a leak.
const DEV_SECRET_KEY = "dev:ZGV2LW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=";
const DEV_SESSION_SECRET = "dev-only-session-secret-change-me-0123456789";
/** The built-in development secrets as one would set them: public, so refused in production. */
export const DEV_SECRETS = { SECRET_KEYS: DEV_SECRET_KEY, SESSION_SECRET: DEV_SESSION_SECRET } as const;

/** A whole number within [min, max] (inclusive), `fallback` when unset. */
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
/** A retention in days: at least one, at most ten years. */
const days = (fallback: number) => int(1, 3650, fallback);
const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .default(fallback ? "true" : "false")
    .transform((v) => v === "true" || v === "1" || v === "yes");

/** `keyId:base64(32 bytes)`, comma separated; the first is used to encrypt, all to decrypt. */
const secretKeys = z
  .string()
  .min(1)
  .transform((raw, ctx) => {
    const keys = raw.split(",").map((part) => {
      const [id, b64] = part.trim().split(":");
      const key = b64 ? Buffer.from(b64, "base64") : Buffer.alloc(0);
      if (!id || key.length !== 32) {
        ctx.addIssue({ code: "custom", message: `entry "${id ?? part}" must be keyId:base64 of exactly 32 bytes` });
      }
      return { id: id ?? "", key };
    });
    return keys;
  });

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATABASE_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/webinar_sync"),
    REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9_-]+$/)
      .default("gw"),
    PUBLIC_URL: z.url().default("http://localhost:3000"),
    HOST: z.string().default("0.0.0.0"),
    PORT: int(0, 65535, 3000),
    /** Which proxies may set X-Forwarded-For (client IPs feed rate limits): false, true, a hop count or addresses. */
    TRUST_PROXY: z
      .string()
      .default("false")
      .transform((raw): boolean | number | string[] =>
        raw === "true"
          ? true
          : raw === "false"
            ? false
            : /^\d+$/.test(raw)
              ? Number(raw)
              : raw.split(",").map((s) => s.trim()),
      ),
    SECRET_KEYS: secretKeys.optional(),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** Let the API listen beyond loopback with the built-in development secrets (never in production). */
    ALLOW_DEV_SECRETS: bool(false),
    MIGRATE_ON_START: bool(true),
    GOTO_AUTH_URL: z.url().default("https://authentication.logmeininc.com"),
    GOTO_API_URL: z.url().default("https://api.getgo.com/G2W/rest/v2"),
    GOTO_IDENTITY_URL: z.url().default("https://api.getgo.com"),
    GOTO_CLIENT_ID: z.string().optional(),
    GOTO_CLIENT_SECRET: z.string().optional(),
    GOTO_SCOPES: z.string().default("collab: identity:scim.me"),
    GOTO_REQUESTS_PER_SECOND: z.coerce.number().positive().default(10),
    GOTO_RATE_SAFETY_MARGIN: z.coerce.number().min(0).max(0.5).default(0.1),
    /** How long every GoTo request of a connector may fail (network, timeout, 5xx) before connector.failed. */
    CONNECTOR_UNREACHABLE_AFTER_MINUTES: z.coerce.number().positive().max(10_080).default(60),
    WEBHOOK_EVENT_RETENTION_DAYS: days(30),
    WEBHOOK_EVENT_FAILED_RETENTION_DAYS: days(90),
    // Retention (issue 16): days kept, then removed (or for form submissions: emptied) in batches, hourly.
    SYNC_RUN_RETENTION_DAYS: days(90),
    FORM_SUBMISSION_PAYLOAD_RETENTION_DAYS: days(365),
    REGISTRATION_REQUEST_RETENTION_DAYS: days(90),
    FORM_SUBMISSION_KEY_RETENTION_DAYS: days(7),
    CHANGE_EVENT_RETENTION_DAYS: days(90),
    WEBHOOK_SIGNATURE_SCHEME: z.enum(["hmac-sha256-timestamp", "hmac-sha256", "none"]).default("hmac-sha256-timestamp"),
    WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().positive().default(300),
    /** Refused webhook deliveries: per client IP and per connector each minute (then 429), and rows kept per connector each hour. */
    WEBHOOK_REJECTED_PER_MINUTE: int(1, 100_000, 30),
    WEBHOOK_REJECTED_STORED_PER_HOUR: int(0, 1_000_000, 100),
    /** Subscribe to GoTo webhooks even when PUBLIC_URL is loopback or private (tests, local demo with the stand-in). */
    WEBHOOKS_ALLOW_LOOPBACK: bool(false),
    DISPATCH_EVERY_MS: int(1000, 60_000, 10_000),
    DISCOVERY_EVERY_MINUTES: minutes(10),
    LOOKBACK_DAYS: int(0, 3650, 90),
    POLL_3W_MINUTES: minutes(120),
    POLL_2W_MINUTES: minutes(60),
    POLL_1W_MINUTES: minutes(30),
    POLL_NEAR_MINUTES: minutes(10),
    ATTENDANCE_DELAYS_MINUTES: z
      .string()
      .default("15,180,1440")
      .transform((raw, ctx) => {
        const delays = raw.split(",").map((s) => Number(s.trim()));
        if (delays.length === 0 || delays.some((d) => !Number.isInteger(d) || d < 0)) {
          ctx.addIssue({ code: "custom", message: "must be comma-separated whole minutes, e.g. 15,180,1440" });
        }
        return delays;
      }),
    /**
     * After a session ends, fetch engagement: `full` (performance, questions, and each attendee's
     * poll and survey answers, which GoTo has only per attendee), `session` (performance and
     * questions: one or two requests per session) or `off`.
     */
    SYNC_ENGAGEMENT: z.enum(["full", "session", "off"]).default("full"),
    WORKER_CONCURRENCY: int(1, 200, 8),
    // Recovery after a crash (issue 19): a job's lock lives WORKER_LOCK_MS unless renewed (every
    // third of it), and workers look for jobs whose lock ran out every WORKER_STALLED_CHECK_MS.
    WORKER_LOCK_MS: int(1_000, 600_000, 10_000),
    WORKER_STALLED_CHECK_MS: int(500, 600_000, 5_000),
    // On SIGTERM running jobs get this long to finish; then they are handed back to the queue.
    WORKER_SHUTDOWN_GRACE_MS: int(0, 600_000, 20_000),
    // Form registrations (issue 6): per-IP limit of hosted form posts; push retry backoff and window; sweeper interval.
    FORM_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000, 20),
    // How long a hosted form's answer may wait for GoTo to confirm the registration (0: answer at once).
    FORM_REGISTRATION_WAIT_MS: int(0, 30_000, 3_000),
    REGISTRATION_RETRY_BASE_MS: int(10, 600_000, 2_000),
    REGISTRATION_RETRY_MAX_MS: int(100, 86_400_000, 1_800_000),
    REGISTRATION_GIVE_UP_HOURS: z.coerce.number().positive().max(720).default(24),
    REGISTRATION_SWEEP_EVERY_MS: int(200, 600_000, 5_000),
    // A claimed push holds its registration this long, extended while the GoTo call runs.
    REGISTRATION_LEASE_MS: int(1_000, 600_000, 8_000),
    // Dynamic lists and rules (issue 15): the consumer's fallback sweep when a NOTIFY is missed,
    // and how often criteria with moving windows ("last 30 days") are re-evaluated.
    SEGMENT_SWEEP_EVERY_MS: int(100, 600_000, 2_000),
    SEGMENT_REFRESH_EVERY_MINUTES: int(1, 1440, 15),
    // Outbound events (issue 17): private, loopback and link-local receivers are refused unless
    // allowed (SSRF); each delivery is capped in time and response size; retried with backoff
    // for OUTBOUND_RETRY_HOURS; an endpoint failing for OUTBOUND_DISABLE_AFTER_HOURS is disabled.
    OUTBOUND_ALLOW_PRIVATE_URLS: bool(false),
    OUTBOUND_TIMEOUT_MS: int(100, 60_000, 10_000),
    OUTBOUND_MAX_RESPONSE_BYTES: int(0, 10_485_760, 65_536),
    OUTBOUND_RETRY_BASE_MS: int(10, 600_000, 5_000),
    OUTBOUND_RETRY_MAX_MS: int(100, 86_400_000, 3_600_000),
    OUTBOUND_RETRY_HOURS: z.coerce.number().positive().max(720).default(24),
    OUTBOUND_DISABLE_AFTER_HOURS: z.coerce.number().positive().max(8_760).default(72),
    OUTBOUND_FAN_OUT_EVERY_MS: int(100, 60_000, 2_000),
    OUTBOUND_SWEEP_EVERY_MS: int(200, 600_000, 15_000),
    // Prometheus (issue 16): /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`, on the
    // API's port and on the worker's METRICS_PORT; without a token neither serves metrics.
    METRICS_TOKEN: z
      .string()
      .min(16, "must be at least 16 characters (a random secret, e.g. `openssl rand -hex 24`)")
      .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces (it travels in an HTTP header)")
      .optional(),
    METRICS_PORT: int(0, 65535, 9464),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (!env.SECRET_KEYS) ctx.addIssue({ code: "custom", path: ["SECRET_KEYS"], message: "is required in production" });
    if (!env.SESSION_SECRET)
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production" });
  });

export type Env = z.infer<typeof envSchema>;

const devKey = Buffer.from(DEV_SECRET_KEY.split(":")[1] ?? "", "base64");

export function toConfig(env: Env) {
  const publicUrl = new URL(env.PUBLIC_URL);
  const keys = env.SECRET_KEYS ?? secretKeys.parse(DEV_SECRET_KEY);
  const sessionSecret = env.SESSION_SECRET ?? DEV_SESSION_SECRET;
  return {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
    http: {
      host: env.HOST,
      port: env.PORT,
      publicUrl: env.PUBLIC_URL.replace(/\/$/, ""),
      secureCookies: publicUrl.protocol === "https:",
      trustProxy: env.TRUST_PROXY,
    },
    secrets: {
      keys,
      sessionSecret,
      /**
       * The development secrets are in use: unset, or set to the same public values. Only the
       * first key counts: it encrypts, while a development key kept after it only decrypts what
       * it encrypted before a rotation.
       */
      usingDevDefaults: keys[0]?.key.equals(devKey) === true || sessionSecret === DEV_SESSION_SECRET,
      allowDevDefaults: env.ALLOW_DEV_SECRETS,
    },
    migrateOnStart: env.MIGRATE_ON_START,
    goto: {
      authUrl: env.GOTO_AUTH_URL.replace(/\/$/, ""),
      apiUrl: env.GOTO_API_URL.replace(/\/$/, ""),
      identityUrl: env.GOTO_IDENTITY_URL.replace(/\/$/, ""),
      clientId: env.GOTO_CLIENT_ID,
      clientSecret: env.GOTO_CLIENT_SECRET,
      scopes: env.GOTO_SCOPES,
      requestsPerSecond: env.GOTO_REQUESTS_PER_SECOND,
      rateSafetyMargin: env.GOTO_RATE_SAFETY_MARGIN,
      unreachableAfterMs: env.CONNECTOR_UNREACHABLE_AFTER_MINUTES * 60_000,
    },
    webhooks: {
      signatureScheme: env.WEBHOOK_SIGNATURE_SCHEME,
      toleranceSeconds: env.WEBHOOK_TOLERANCE_SECONDS,
      rejectedPerMinute: env.WEBHOOK_REJECTED_PER_MINUTE,
      rejectedStoredPerHour: env.WEBHOOK_REJECTED_STORED_PER_HOUR,
      allowLoopback: env.WEBHOOKS_ALLOW_LOOPBACK,
      retentionDays: env.WEBHOOK_EVENT_RETENTION_DAYS,
      failedRetentionDays: env.WEBHOOK_EVENT_FAILED_RETENTION_DAYS,
    },
    sync: {
      dispatchEveryMs: env.DISPATCH_EVERY_MS,
      discoveryEveryMinutes: env.DISCOVERY_EVERY_MINUTES,
      lookbackDays: env.LOOKBACK_DAYS,
      pollMinutes: {
        threeWeeksOrMore: env.POLL_3W_MINUTES,
        twoToThreeWeeks: env.POLL_2W_MINUTES,
        oneToTwoWeeks: env.POLL_1W_MINUTES,
        underOneWeek: env.POLL_NEAR_MINUTES,
      },
      attendanceDelaysMinutes: env.ATTENDANCE_DELAYS_MINUTES,
      engagement: env.SYNC_ENGAGEMENT,
    },
    worker: {
      concurrency: env.WORKER_CONCURRENCY,
      lockMs: env.WORKER_LOCK_MS,
      stalledCheckMs: env.WORKER_STALLED_CHECK_MS,
      shutdownGraceMs: env.WORKER_SHUTDOWN_GRACE_MS,
    },
    forms: { rateLimitPerMinute: env.FORM_RATE_LIMIT_PER_MINUTE, registrationWaitMs: env.FORM_REGISTRATION_WAIT_MS },
    registrations: {
      retryBaseMs: env.REGISTRATION_RETRY_BASE_MS,
      retryMaxMs: env.REGISTRATION_RETRY_MAX_MS,
      giveUpAfterMs: Math.round(env.REGISTRATION_GIVE_UP_HOURS * 3_600_000),
      sweepEveryMs: env.REGISTRATION_SWEEP_EVERY_MS,
      leaseMs: env.REGISTRATION_LEASE_MS,
    },
    segments: {
      sweepEveryMs: env.SEGMENT_SWEEP_EVERY_MS,
      refreshEveryMs: env.SEGMENT_REFRESH_EVERY_MINUTES * 60_000,
    },
    outbound: {
      allowPrivateUrls: env.OUTBOUND_ALLOW_PRIVATE_URLS,
      timeoutMs: env.OUTBOUND_TIMEOUT_MS,
      maxResponseBytes: env.OUTBOUND_MAX_RESPONSE_BYTES,
      retryBaseMs: env.OUTBOUND_RETRY_BASE_MS,
      retryMaxMs: env.OUTBOUND_RETRY_MAX_MS,
      giveUpAfterMs: Math.round(env.OUTBOUND_RETRY_HOURS * 3_600_000),
      disableAfterMs: Math.round(env.OUTBOUND_DISABLE_AFTER_HOURS * 3_600_000),
      fanOutEveryMs: env.OUTBOUND_FAN_OUT_EVERY_MS,
      sweepEveryMs: env.OUTBOUND_SWEEP_EVERY_MS,
    },
    metrics: { token: env.METRICS_TOKEN, workerPort: env.METRICS_PORT },
    retention: {
      syncRunDays: env.SYNC_RUN_RETENTION_DAYS,
      formSubmissionPayloadDays: env.FORM_SUBMISSION_PAYLOAD_RETENTION_DAYS,
      registrationRequestDays: env.REGISTRATION_REQUEST_RETENTION_DAYS,
      formSubmissionKeyDays: env.FORM_SUBMISSION_KEY_RETENTION_DAYS,
      changeEventDays: env.CHANGE_EVENT_RETENTION_DAYS,
    },
  } as const;
}

export type AppConfig = ReturnType<typeof toConfig>;
