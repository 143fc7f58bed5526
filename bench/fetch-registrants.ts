/**
 * How fast does the client pull every registrant of an organizer's webinars at GoTo's 10
 * requests/s? Starts the stand-in in-process (rate limit on, as GoTo's), seeds 100 webinars ×
 * 1,000 registrants, and fetches them all through the client and one shared limiter, once with
 * the unpaged call (one request per webinar) and once paged (200 per page).
 *
 *   npx tsx bench/fetch-registrants.ts [--webinars 100] [--registrants 1000]
 */
import { parseArgs } from "node:util";
import {
  createGotoClient,
  createGotoOAuth,
  createRequestLimiter,
  type GotoClient,
  staticTokenSource,
} from "@gw/gotowebinar";
import { startSim } from "@gw/gotowebinar-sim";
import { benchWebinars, organizerSizeOptions } from "./lib";

const { values } = parseArgs({
  options: organizerSizeOptions,
});
const WEBINARS = Number(values.webinars);
const REGISTRANTS = Number(values.registrants);
const REDIRECT_URI = "http://127.0.0.1:9/oauth/callback";

const sim = await startSim({ port: 0, autoApprove: true, seed: 42 });
try {
  console.log(`stand-in at ${sim.url}; seeding ${WEBINARS} webinars × ${REGISTRANTS} registrants ...`);
  const seedStarted = performance.now();
  await sim.control.scenario({
    seed: 42,
    webinars: benchWebinars(WEBINARS, REGISTRANTS, (i) => ({ startsInMinutes: (i + 1) * 60 })),
  });
  console.log(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  // Sign in through the real OAuth flow, as a connector would.
  const oauth = createGotoOAuth({
    authBaseUrl: sim.url,
    clientId: "demo-client",
    clientSecret: "demo-secret",
    redirectUri: REDIRECT_URI,
  });
  const auth = await oauth.createAuthorizationRequest();
  const redirect = await fetch(auth.url, { redirect: "manual" });
  const tokenSet = await oauth.exchangeCode({
    callbackUrl: redirect.headers.get("location") ?? "",
    expectedState: auth.state,
    codeVerifier: auth.codeVerifier,
  });
  // The bench runs well within the token's hour: no renewal needed.
  const tokens = staticTokenSource(tokenSet.accessToken);

  const rows: Row[] = [];
  for (const mode of ["single-request", "paged"] as const) {
    // A fresh limiter per run so one run's queue does not delay the other.
    const client = createGotoClient({
      apiBaseUrl: `${sim.url}/G2W/rest/v2`,
      identityBaseUrl: sim.url,
      tokens,
      limiter: createRequestLimiter({ perSecond: 10, maxConcurrent: 10 }),
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // let the stand-in's bucket refill
    await sim.control.clearRequests();
    rows.push(await run(client, mode));
    const served = await sim.control.requests();
    const limited = served.filter((r) => r.status === 429).length;
    rows[rows.length - 1]!.serverSaw = `${served.length} (${limited}×429)`;
  }

  console.log();
  console.table(
    rows.map((r) => ({
      mode: r.mode,
      webinars: r.webinars,
      registrants: r.registrants,
      "API requests": r.requests,
      "stand-in saw": r.serverSaw,
      retries: r.retries,
      "wall time (s)": r.seconds.toFixed(2),
      "registrants/s": Math.round(r.registrants / r.seconds),
    })),
  );
} finally {
  await sim.close();
}

interface Row {
  mode: string;
  webinars: number;
  registrants: number;
  requests: number;
  retries: number;
  seconds: number;
  serverSaw?: string;
}

async function run(client: GotoClient, mode: "single-request" | "paged"): Promise<Row> {
  const started = performance.now();
  const { webinars } = await client.listWebinars({
    fromTime: new Date(Date.now() - 86_400_000),
    toTime: new Date(Date.now() + 30 * 86_400_000),
    fetchAll: true,
  });
  // All at once: the shared limiter decides the pace (10 requests/s).
  const lists = await Promise.all(webinars.map((w) => client.listAllRegistrants({ webinarKey: w.webinarKey, mode })));
  const seconds = (performance.now() - started) / 1000;
  const registrants = lists.reduce((sum, list) => sum + list.length, 0);
  const stats = client.stats;
  return { mode, webinars: webinars.length, registrants, requests: stats.requests, retries: stats.retries, seconds };
}
