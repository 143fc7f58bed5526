// The one way the UI talks to the API: JSON, same-origin cookies, the CSRF token on every
// state-changing request, and errors that carry the API's own message.

import type { ErrorBody } from "@gw/api-contract";

/** One field the API named in its error body (`body.email`, `querystring.pageSize`). */
export type FieldError = NonNullable<ErrorBody["fields"]>[number];

export class ApiError extends Error {
  readonly status: number;
  readonly fields: FieldError[];
  readonly reqId: string | undefined;

  constructor(status: number, message: string, options: { fields?: FieldError[]; reqId?: string } = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.fields = options.fields ?? [];
    this.reqId = options.reqId;
  }

  /** The message for one form field, when the API named it (`body.email` or `email`). */
  fieldMessage(name: string): string | undefined {
    return this.fields.find((f) => f.field === name || f.field.endsWith(`.${name}`))?.message;
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /**
   * Whether the API's acceptance marks cached answers stale (`onMutated`): every non-GET does,
   * unless its call says it only reads (`postRead`).
   */
  changes?: boolean;
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();
const mutatedListeners = new Set<(path: string) => void>();

export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** Called when any request answers 401: the session ended, the app shows the login page. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Called after every state-changing request the API accepted (the query cache invalidates on it). */
export function onMutated(listener: (path: string) => void): () => void {
  mutatedListeners.add(listener);
  return () => mutatedListeners.delete(listener);
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}${path.includes("?") ? "&" : "?"}${search}` : path;
}

async function readError(response: Response): Promise<ApiError> {
  let body: { message?: unknown; fields?: unknown; reqId?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // A proxy's HTML error page or an empty body: fall back to the status line.
  }
  const message =
    typeof body.message === "string" && body.message
      ? body.message
      : response.status >= 500
        ? "The server ran into a problem. Try again in a moment."
        : `${response.status} ${response.statusText || "request failed"}`;
  return new ApiError(response.status, message, {
    fields: Array.isArray(body.fields) ? (body.fields as FieldError[]) : [],
    reqId: typeof body.reqId === "string" ? body.reqId : (response.headers.get("x-request-id") ?? undefined),
  });
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "Cannot reach the server. Check your connection and try again.");
  }

  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401 && !path.startsWith("/api/auth/"))
      for (const listener of unauthorizedListeners) listener();
    throw error;
  }
  if (options.changes ?? method !== "GET") for (const listener of mutatedListeners) listener(path);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) => api<T>(path, { query, signal });
export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: "POST", body: body ?? {} });
/**
 * A POST that only reads (a live match count, a rule's preview: criteria too big for a URL): its
 * answer changes nothing, so nothing cached is refetched after it. Asked as the user types, it
 * would otherwise refetch every query on screen at each keystroke.
 */
export const postRead = <T>(path: string, body?: unknown) =>
  api<T>(path, { method: "POST", body: body ?? {}, changes: false });
export const put = <T>(path: string, body: unknown) => api<T>(path, { method: "PUT", body });
export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: "PATCH", body });
export const del = <T = void>(path: string) => api<T>(path, { method: "DELETE" });

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The API's words for one field, when `error` is a refusal that named it. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

/** What to show at one field after a refusal: the API's words for that field, else its message. */
export function fieldErrorMessage(error: unknown, field: string): string {
  return fieldMessage(error, field) ?? errorMessage(error);
}
