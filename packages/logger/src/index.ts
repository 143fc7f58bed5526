import pino, { type Logger, type LoggerOptions } from "pino";

export type { Logger } from "pino";

/**
 * Paths whose values must never reach a log line, wherever they appear: tokens, secrets,
 * passwords, cookies and Authorization headers (request logs, job payloads, error contexts).
 */
export const REDACT_PATHS = [
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "accessToken",
  "*.accessToken",
  "refreshToken",
  "*.refreshToken",
  "access_token",
  "*.access_token",
  "refresh_token",
  "*.refresh_token",
  "clientSecret",
  "*.clientSecret",
  "client_secret",
  "*.client_secret",
  "secret",
  "*.secret",
  "*.codeVerifier",
  "req.headers.authorization",
  "req.headers.cookie",
  "res.headers['set-cookie']",
  "headers.authorization",
  "*.headers.authorization",
  "*.headers.Authorization",
];

export interface CreateLoggerOptions {
  name: string;
  level?: LoggerOptions["level"];
  /** Human-readable output; defaults to "only on a TTY". */
  pretty?: boolean;
}

export function createLogger(options: CreateLoggerOptions): Logger {
  const pretty = options.pretty ?? (process.stdout.isTTY === true && process.env.NODE_ENV !== "production");
  return pino({
    name: options.name,
    level: options.level ?? "info",
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    ...(pretty
      ? { transport: { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss.l" } } }
      : {}),
  });
}

/** Removes credentials and secret-looking query parameters from a URL before it is logged. */
export function sanitizeUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = "redacted";
    for (const key of [...url.searchParams.keys()]) {
      if (/token|secret|code|password|state|signature/i.test(key)) url.searchParams.set(key, "redacted");
    }
    return url.toString();
  } catch {
    return raw.replace(/\/\/[^@/]*@/, "//redacted@");
  }
}
