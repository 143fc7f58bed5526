import type { RunningSim } from "@gw/gotowebinar-sim";
import type { LoggedInUser } from "./auth-helpers";
import type { TestApi } from "./helpers";

export interface ConsentResult {
  /** Where the callback sent the browser: /connectors?... */
  location: string;
  params: URLSearchParams;
  /** The callback URL GoTo redirected to (path + query), to replay or tamper with. */
  callback: string;
}

/** Starts verification over the API and walks GoTo's consent page like a browser would. */
export async function consentAtGoto(
  api: TestApi,
  user: Pick<LoggedInUser, "headers">,
  connectorId: string,
  options: { decision?: "allow" | "deny"; organizerKey: string },
): Promise<string> {
  const start = await api.app.inject({
    method: "POST",
    url: `/api/connectors/${connectorId}/verify`,
    headers: user.headers,
  });
  if (start.statusCode !== 200) throw new Error(`verify answered ${start.statusCode}: ${start.body}`);
  const authorizationUrl = new URL(start.json().authorizationUrl as string);
  const page = await fetch(authorizationUrl, { redirect: "manual" });
  const html = await page.text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1];
  if (!requestId)
    throw new Error(`no consent form at ${authorizationUrl.origin} (${page.status}): ${html.slice(0, 200)}`);
  const decision = await fetch(new URL("/oauth/authorize/decision", authorizationUrl), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      request_id: requestId,
      organizerKey: options.organizerKey,
      decision: options.decision ?? "allow",
    }),
  });
  const location = decision.headers.get("location");
  if (decision.status !== 302 || !location) throw new Error(`consent answered ${decision.status}`);
  const callback = new URL(location);
  return `${callback.pathname}${callback.search}`;
}

/** Sends the browser (with its session cookie) to our callback and reads where it ends up. */
export async function followCallback(
  api: TestApi,
  cookie: string | undefined,
  callback: string,
): Promise<ConsentResult> {
  const res = await api.app.inject({ method: "GET", url: callback, headers: cookie ? { cookie } : {} });
  if (res.statusCode !== 302) throw new Error(`callback answered ${res.statusCode}: ${res.body}`);
  const location = String(res.headers.location);
  return { location, params: new URL(location, "http://x").searchParams, callback };
}

/** Create-and-verify in one go: the whole browser flow, allowing access as `organizerKey`. */
export async function verifyConnector(
  api: TestApi,
  user: LoggedInUser,
  connectorId: string,
  organizerKey: string,
  decision: "allow" | "deny" = "allow",
) {
  const callback = await consentAtGoto(api, user, connectorId, { organizerKey, decision });
  return followCallback(api, user.headers.cookie, callback);
}

export async function newOrganizer(sim: RunningSim, label = "org") {
  const suffix = Math.random().toString(36).slice(2, 8);
  return sim.control.createOrganizer({
    email: `${label}-${suffix}@example.com`,
    firstName: "Oscar",
    lastName: `Organizer ${suffix}`,
  });
}

export async function createConnectorOverApi(api: TestApi, user: LoggedInUser, body: Record<string, unknown> = {}) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const res = await api.app.inject({
    method: "POST",
    url: "/api/connectors",
    headers: user.headers,
    payload: { name: `GoTo ${suffix}`, connectorUserEmail: `gtw-${suffix}@example.com`, ...body },
  });
  if (res.statusCode !== 201) throw new Error(`create connector answered ${res.statusCode}: ${res.body}`);
  return res.json() as { id: string; status: string; [key: string]: unknown };
}
