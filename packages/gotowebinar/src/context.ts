import { GotoInputError } from "./http/errors";
import type { Transport } from "./http/transport";
import type { GotoLogger } from "./types/options";

/** What every resource function needs: the HTTP transport and the default keys. */
export interface ClientContext {
  transport: Transport;
  log: GotoLogger;
  maxPages: number;
  /** The override, else the client's organizerKey, else the one getIdentity() resolves. */
  organizerKey(override?: string): Promise<string>;
  accountKey(override?: string): Promise<string>;
}

/** Tagged template for API paths: every interpolated key is required and URL-encoded. */
export function apiPath(strings: TemplateStringsArray, ...keys: string[]): string {
  let out = strings[0] ?? "";
  keys.forEach((key, i) => {
    if (typeof key !== "string" || key.trim() === "") {
      throw new GotoInputError("key", `a key in ${strings.join("{}")} is empty`);
    }
    out += encodeURIComponent(key) + (strings[i + 1] ?? "");
  });
  return out;
}

export function requireText(value: unknown, field: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new GotoInputError(field, `${field} is required and must not be empty, got ${JSON.stringify(value)}`);
  }
  return value;
}
