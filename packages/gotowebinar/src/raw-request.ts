import type { ClientContext } from "./context";
import { GotoInputError } from "./http/errors";
import type { HttpMethod, QueryInput, RequestBody, ResponseType } from "./http/transport";

export type KeyValueList = Record<string, string> | ReadonlyArray<{ key: string; value: string }>;
export type FormValue = string | Uint8Array | Blob;

export interface RawRequestOptions {
  method: HttpMethod;
  /**
   * Path relative to the API base (e.g. "/organizers/{organizerKey}/webinars"); absolute URLs are
   * refused so the token never leaves the API host. `{organizerKey}` and `{accountKey}` are
   * filled with the client's keys.
   */
  path: string;
  query?: KeyValueList | Record<string, string | number | boolean | readonly (string | number | boolean)[]>;
  headers?: KeyValueList;
  /** Body: an object/array sent as JSON (or form-urlencoded), or a string/bytes sent as is. */
  data?: unknown;
  /** How `data` objects are encoded. Default "json". */
  bodyType?: "json" | "form-urlencoded";
  /** Multipart form fields. */
  formData?: Record<string, FormValue> | ReadonlyArray<{ key: string; value: FormValue }>;
  /** Multipart file parts; names come from fileDataFileNames (same keys), else the key. */
  fileData?: Record<string, FormValue> | ReadonlyArray<{ key: string; value: FormValue }>;
  fileDataFileNames?: Record<string, string>;
  /** Default "json". */
  responseType?: ResponseType;
  timeoutMs?: number;
  /** Default 0: no retries. */
  maxRetries?: number;
  /** Fixed delay between retries when useExponentialBackoff is off. Default 0. */
  retryDelayMs?: number;
  useExponentialBackoff?: boolean;
  /** Retry every error response (e.g. 4xx), not only 5xx, 429 and network errors. */
  retryOnAllErrors?: boolean;
  /** Log the request (method, path, query, header names; secrets redacted, no body). */
  debug?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON (keys beyond 2^53 as strings), text or Uint8Array, per responseType. */
  data: unknown;
}

/** The seed's "Raw Request": any GoTo Webinar API call with the client's auth, limits and retries. */
export async function rawRequest(ctx: ClientContext, options: RawRequestOptions): Promise<RawResponse> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(options.path) || options.path.startsWith("//")) {
    throw new GotoInputError("path", `path must be relative to the API base URL, got ${options.path}`);
  }
  let path = options.path.startsWith("/") ? options.path : `/${options.path}`;
  if (path.includes("{organizerKey}")) {
    path = path.replaceAll("{organizerKey}", encodeURIComponent(await ctx.organizerKey()));
  }
  if (path.includes("{accountKey}")) {
    path = path.replaceAll("{accountKey}", encodeURIComponent(await ctx.accountKey()));
  }
  const headers = toRecord(options.headers);
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() === "authorization") delete headers[name];
  }
  const response = await ctx.transport.request({
    method: options.method,
    path,
    query: toQuery(options.query),
    headers,
    body: buildBody(options),
    responseType: options.responseType ?? "json",
    timeoutMs: options.timeoutMs,
    retryable: true,
    retry: {
      maxRetries: options.maxRetries ?? 0,
      retryOnAllErrors: options.retryOnAllErrors ?? false,
      ...(options.useExponentialBackoff ? {} : { fixedDelayMs: options.retryDelayMs ?? 0 }),
    },
    debug: options.debug,
  });
  return { status: response.status, headers: Object.fromEntries(response.headers), data: response.data };
}

function toRecord(list: KeyValueList | undefined): Record<string, string> {
  if (!list) return {};
  if (Array.isArray(list)) {
    return Object.fromEntries((list as ReadonlyArray<{ key: string; value: string }>).map((e) => [e.key, e.value]));
  }
  return { ...(list as Record<string, string>) };
}

function toQuery(query: RawRequestOptions["query"]): QueryInput | undefined {
  if (!query) return undefined;
  if (Array.isArray(query)) {
    return (query as ReadonlyArray<{ key: string; value: string }>).map((e) => [e.key, e.value] as const);
  }
  return query as QueryInput;
}

function entries<T>(input: Record<string, T> | ReadonlyArray<{ key: string; value: T }> | undefined): [string, T][] {
  if (!input) return [];
  if (Array.isArray(input)) return (input as ReadonlyArray<{ key: string; value: T }>).map((e) => [e.key, e.value]);
  return Object.entries(input as Record<string, T>);
}

function toBlob(value: FormValue): Blob {
  if (value instanceof Blob) return value;
  return new Blob([typeof value === "string" ? value : new Uint8Array(value)]);
}

function buildBody(options: RawRequestOptions): RequestBody | undefined {
  const fields = entries(options.formData);
  const files = entries(options.fileData);
  if (fields.length > 0 || files.length > 0) {
    if (options.data !== undefined) {
      throw new GotoInputError("data", "send either data or formData/fileData, not both");
    }
    const form = new FormData();
    for (const [key, value] of fields) {
      if (typeof value === "string") form.append(key, value);
      else form.append(key, toBlob(value));
    }
    for (const [key, value] of files) form.append(key, toBlob(value), options.fileDataFileNames?.[key] ?? key);
    return { kind: "multipart", value: form };
  }
  const data = options.data;
  if (data === undefined || data === null) return undefined;
  if (typeof data === "string") {
    return {
      kind: "raw",
      value: data,
      contentType: options.bodyType === "form-urlencoded" ? "application/x-www-form-urlencoded" : "application/json",
    };
  }
  if (data instanceof Uint8Array || data instanceof Blob) return { kind: "raw", value: data };
  if (options.bodyType === "form-urlencoded") {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (value !== undefined && value !== null) params.append(key, String(value));
    }
    return { kind: "form", value: params };
  }
  return { kind: "json", value: data };
}
