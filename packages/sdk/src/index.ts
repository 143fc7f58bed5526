import createFetchClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./generated/api";

export type { components, operations, paths };

/** The API's named schemas (`Schemas["WebinarReportRow"]`, `Schemas["List"]`, ...), as they arrive in JSON. */
export type Schemas = components["schemas"];

/** The one error body every 4xx and 5xx answer carries. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  reqId: string;
  fields?: { field: string; message: string }[];
}

/** A session from `POST /api/auth/login`: the `gw_session` cookie and the CSRF token the login answered with. */
export interface SessionCredentials {
  /**
   * The session cookie's value. Leave it out in a browser on the API's own origin, where the
   * browser keeps and sends the httpOnly cookie itself.
   */
  cookie?: string;
  /** Sent as `x-csrf-token` on every request (the API checks it on POST, PUT, PATCH and DELETE). */
  csrfToken: string;
}

export interface WebinarSyncClientOptions {
  /** Where the service runs, e.g. `https://sync.example.com` (paths start with `/api`). */
  baseUrl: string;
  /** An account API token (`gwt_…`, Settings > API tokens), sent as `Authorization: Bearer`. */
  token?: string;
  /** Or a logged-in user's session. */
  session?: SessionCredentials;
  /** Another fetch (a proxy agent, a test double); defaults to the global one. */
  fetch?: ClientOptions["fetch"];
  /** Headers added to every request. */
  headers?: Record<string, string>;
}

export type WebinarSyncClient = Client<paths, "application/json">;

/**
 * A typed client for the Webinar Sync API (openapi-fetch over the generated `paths`): every call
 * is checked against the API's OpenAPI document, and answers `{ data, error, response }`.
 *
 * ```ts
 * const api = createClient({ baseUrl: "https://sync.example.com", token: process.env.GW_TOKEN });
 * const { data, error } = await api.GET("/api/reports/webinars", { params: { query: { tab: "finished" } } });
 * ```
 */
export function createClient(options: WebinarSyncClientOptions): WebinarSyncClient {
  if (options.token && options.session) throw new Error("createClient: give either token or session, not both");
  const client = createFetchClient<paths, "application/json">({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // The hosted form endpoint answers HTML unless asked for JSON; every other route answers JSON anyway.
    headers: { accept: "application/json", ...options.headers },
    // Browsers keep the session cookie only when told to send it.
    ...(options.session && !options.session.cookie ? { credentials: "include" as const } : {}),
  });
  client.use(credentialsMiddleware(options));
  return client;
}

function credentialsMiddleware({ token, session }: WebinarSyncClientOptions): Middleware {
  return {
    onRequest({ request }) {
      if (token) request.headers.set("authorization", `Bearer ${token}`);
      if (session) {
        request.headers.set("x-csrf-token", session.csrfToken);
        if (session.cookie) request.headers.set("cookie", `gw_session=${session.cookie}`);
      }
      return request;
    },
  };
}

/**
 * Logs in with e-mail and password (`POST /api/auth/login`) and returns a client on that session.
 * For scripts run by a person; integrations should use an API token instead. Node only: it reads
 * the `set-cookie` header, which browsers hide (in a browser, log in and pass `{ csrfToken }`).
 */
export async function loginWithPassword(
  options: Omit<WebinarSyncClientOptions, "token" | "session"> & { email: string; password: string },
): Promise<{ client: WebinarSyncClient; session: Required<SessionCredentials> }> {
  const { email, password, ...clientOptions } = options;
  const anonymous = createClient(clientOptions);
  const { data, error, response } = await anonymous.POST("/api/auth/login", { body: { email, password } });
  if (!data) throw new ApiError(response, error as ApiErrorBody | undefined);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => /^gw_session=([^;]*)/.exec(header)?.[1])
    .find((value) => value !== undefined);
  if (!cookie) throw new Error("login answered without a gw_session cookie");
  const session = { cookie, csrfToken: data.csrfToken };
  return { client: createClient({ ...clientOptions, session }), session };
}

/** A refused or failed call, with the API's error body when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody | undefined;
  constructor(response: Response, body: ApiErrorBody | undefined) {
    super(body?.message ?? `${response.status} ${response.statusText}`);
    this.name = "ApiError";
    this.status = response.status;
    this.body = body;
  }
}

/**
 * `data` of a successful answer (undefined for 204), or an `ApiError` thrown for any other:
 * `const report = unwrap(await api.GET("/api/reports/webinars"))`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw new ApiError(result.response, result.error as ApiErrorBody | undefined);
  return result.data as T;
}
