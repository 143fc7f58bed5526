import { GotoApiError } from "@gw/gotowebinar";

/** The slice of a pino logger the webhook rules use (fields first, then the message). */
export interface WebhookLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  debug?(obj: object, msg?: string): void;
}

export const silentLog: WebhookLog = { info() {}, warn() {} };

/** A one-line reason safe to store and show: GoTo errors carry no token, others only their message. */
export function describeError(error: unknown): string {
  if (error instanceof GotoApiError) {
    return `GoTo answered ${error.status || "nothing"} to ${error.method} ${error.path}${error.message ? ` (${error.message})` : ""}`;
  }
  return error instanceof Error ? (error.message.split("\n")[0] ?? "unknown error") : String(error);
}
