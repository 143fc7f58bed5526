import {
  type RunningSim,
  type ScenarioRequest,
  type ScenarioResult,
  type SimOptions,
  startSim,
} from "@gw/gotowebinar-sim";
import { fixture } from "@gw/testing";
import {
  createGotoClient,
  createGotoOAuth,
  createRequestLimiter,
  type GotoClient,
  type GotoClientOptions,
  type GotoOAuth,
  type GotoTokenSet,
  type TokenSource,
} from "../../src/index";

export const CLIENT_ID = "demo-client";
export const CLIENT_SECRET = "demo-secret";
export const REDIRECT_URI = "http://127.0.0.1:9/oauth/callback";

export function oauthFor(sim: RunningSim): GotoOAuth {
  return createGotoOAuth({
    authBaseUrl: sim.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    scopes: ["identity:scim.me", "collab:"],
  });
}

/** The browser part of the flow: follow /oauth/authorize's 302 (auto-approved) to the callback URL. */
export async function authorizeInBrowser(url: string): Promise<string> {
  const response = await fetch(url, { redirect: "manual" });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) throw new Error(`authorize answered ${response.status} without a redirect`);
  return location;
}

export async function signIn(sim: RunningSim): Promise<{ oauth: GotoOAuth; tokenSet: GotoTokenSet }> {
  const oauth = oauthFor(sim);
  const request = await oauth.createAuthorizationRequest();
  const callbackUrl = await authorizeInBrowser(request.url);
  const tokenSet = await oauth.exchangeCode({
    callbackUrl,
    expectedState: request.state,
    codeVerifier: request.codeVerifier,
  });
  return { oauth, tokenSet };
}

export interface Harness {
  sim: RunningSim;
  oauth: GotoOAuth;
  tokenSet: GotoTokenSet;
  client: GotoClient;
  makeClient(overrides?: Partial<GotoClientOptions>): GotoClient;
  close(): Promise<void>;
}

/** A stand-in over real HTTP, a signed-in connector and a client with fast retries. */
export async function startHarness(simOptions: SimOptions = {}): Promise<Harness> {
  const sim = await startSim({ port: 0, autoApprove: true, ...simOptions });
  const { oauth, tokenSet } = await signIn(sim);
  const tokens = inMemoryTokenSource(oauth, tokenSet);
  const limiter = createRequestLimiter({ perSecond: 10, maxConcurrent: 5 });
  const makeClient = (overrides: Partial<GotoClientOptions> = {}) =>
    createGotoClient({
      apiBaseUrl: `${sim.url}/G2W/rest/v2`,
      identityBaseUrl: sim.url,
      tokens,
      limiter,
      retry: { baseDelayMs: 20, maxDelayMs: 200 },
      timeoutMs: 10_000,
      ...overrides,
    });
  return { sim, oauth, tokenSet, client: makeClient(), makeClient, close: () => sim.close() };
}

/**
 * What most contract files stand on: a harness made before the file's tests, seeded with the
 * scenario they read, and closed after them (both read as values inside hooks and tests).
 */
export function useScenarioHarness(request: ScenarioRequest): { h: Harness; scenario: ScenarioResult } {
  const h = fixture(
    () => startHarness(),
    (harness) => harness.close(),
  );
  const scenario = fixture(() => h.sim.control.scenario(request));
  return { h, scenario };
}

export interface ReceivedDelivery {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A callback receiver that answers 200 to GoTo's validation GET and records deliveries. */
export async function startReceiver(): Promise<{
  url: string;
  deliveries: ReceivedDelivery[];
  close(): Promise<void>;
}> {
  const { createServer } = await import("node:http");
  const deliveries: ReceivedDelivery[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method === "POST") {
        deliveries.push({
          path: request.url ?? "",
          headers: request.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        });
      }
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const DAY_MINUTES = 24 * 60;
export const range = (days: number) => ({
  fromTime: new Date(Date.now() - days * 86_400_000),
  toTime: new Date(Date.now() + days * 86_400_000),
});

/**
 * Tokens kept in memory and renewed when GoTo refuses them: what the product does with its
 * database row and lock, reduced to one test process.
 */
function inMemoryTokenSource(oauth: GotoOAuth, initial: GotoTokenSet): TokenSource {
  let accessToken = initial.accessToken;
  let refreshToken = initial.refreshToken;
  let renewing: Promise<string> | null = null;
  return {
    getAccessToken: async () => renewing ?? accessToken,
    refreshAccessToken(refused) {
      if (refused !== accessToken) return Promise.resolve(accessToken);
      renewing ??= (async () => {
        if (!refreshToken) throw new Error("the stand-in gave no refresh token");
        const next = await oauth.refresh(refreshToken);
        accessToken = next.accessToken;
        refreshToken = next.refreshToken ?? refreshToken;
        return accessToken;
      })().finally(() => {
        renewing = null;
      });
      return renewing;
    },
  };
}
