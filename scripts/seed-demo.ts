// Demo data for `npm run demo` (run by scripts/demo.mjs once the stand-in, the API and the worker
// are up). Idempotent: run it again and it changes nothing it does not need to. It goes through
// the product's own front doors: the stand-in's control API for GoTo-side data, and the real API
// over HTTP (login, connector, OAuth consent, form) for ours.
import { loadConfig } from "@gw/config";
import { createDb } from "@gw/db";
import { findOrCreateAccount } from "@gw/domain/accounts";
import { createUser } from "@gw/domain/auth";
import { type ScenarioWebinar, SimControl } from "@gw/gotowebinar-sim";
import { DEMO_EMAIL, DEMO_PASSWORD } from "./demo-login.mjs";

const ACCOUNT = "Acme Marketing (demo)";
const CONNECTOR = "Acme webinars";
const FORM = "Integrations deep dive: registration";
const DAY = 24 * 60;

/** Webinars at every distance the polling policy knows, and finished ones with attendance. */
const WEBINARS: ScenarioWebinar[] = [
  {
    subject: "Customer onboarding masterclass",
    startsInMinutes: 25 * DAY,
    durationMinutes: 60,
    registrants: 45,
    timeZone: "America/New_York",
  },
  {
    subject: "Q1 product roadmap",
    startsInMinutes: 17 * DAY,
    durationMinutes: 45,
    registrants: 60,
    timeZone: "Europe/London",
  },
  {
    subject: "Integrations deep dive",
    startsInMinutes: 10 * DAY,
    durationMinutes: 60,
    registrants: 80,
    timeZone: "Europe/Paris",
    questions: [
      { question: "Which CRM do you use?", type: "multipleChoice", answers: ["Salesforce", "HubSpot", "Other"] },
    ],
  },
  {
    subject: "Weekly live demo",
    startsInMinutes: 2 * DAY,
    durationMinutes: 30,
    registrants: 55,
    timeZone: "America/Los_Angeles",
  },
  {
    subject: "Ask the experts (live)",
    startsInMinutes: -20,
    durationMinutes: 90,
    registrants: 70,
    timeZone: "Europe/Berlin",
  },
  {
    subject: "Webinar best practices",
    startsInMinutes: -6 * DAY,
    durationMinutes: 60,
    registrants: 120,
    attendanceRatio: 0.58,
    timeZone: "America/New_York",
  },
  {
    subject: "Spring launch recap",
    startsInMinutes: -20 * DAY,
    durationMinutes: 45,
    registrants: 90,
    attendanceRatio: 0.41,
    timeZone: "Europe/London",
  },
  {
    subject: "Holiday campaign kickoff",
    startsInMinutes: -45 * DAY,
    durationMinutes: 60,
    registrants: 65,
    attendanceRatio: 0.66,
    timeZone: "Asia/Singapore",
  },
];

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (scripts/demo.mjs sets it)`);
  return value;
};

const config = loadConfig();
const apiUrl = env("PUBLIC_URL").replace(/\/$/, "");
const sim = new SimControl(env("SIM_URL"));
const db = createDb(config.databaseUrl);

/** A tiny browser: keeps the session cookie and the CSRF token between requests. */
class Session {
  private cookie = "";
  csrf = "";

  async request(path: string, init: { method?: string; body?: unknown; redirect?: "manual" } = {}): Promise<Response> {
    const url = path.startsWith("http") ? path : `${apiUrl}${path}`;
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.cookie && url.startsWith(apiUrl)) headers.cookie = this.cookie;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    if (this.csrf && init.method && init.method !== "GET") headers["x-csrf-token"] = this.csrf;
    const response = await fetch(url, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: init.redirect ?? "follow",
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie && url.startsWith(apiUrl)) this.cookie = setCookie.split(";")[0] ?? "";
    return response;
  }

  async json<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const response = await this.request(path, init);
    const text = await response.text();
    if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function seedStandIn(): Promise<string> {
  const organizer = await sim.defaultOrganizer();
  const existing = await sim.webinars(organizer.organizerKey);
  if (existing.some((w) => w.subject === WEBINARS[0]?.subject)) return organizer.email;
  // A pool smaller than the registrations: the same people come back for several webinars.
  await sim.scenario({ organizerKey: organizer.organizerKey, peoplePool: 320, webinars: WEBINARS });
  const total = WEBINARS.reduce((sum, w) => sum + (w.registrants ?? 0), 0);
  console.log(`  stand-in: ${WEBINARS.length} webinars, ${total} registrations for ${organizer.email}`);
  return organizer.email;
}

/** Verify as a person would: GoTo's consent page, "Allow", then our OAuth callback. */
async function verifyConnector(session: Session, connectorId: string, organizerEmail: string): Promise<void> {
  const { authorizationUrl } = await session.json<{ authorizationUrl: string }>(
    `/api/connectors/${connectorId}/verify`,
    { method: "POST", body: {} },
  );
  const consent = await (await session.request(authorizationUrl)).text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(consent)?.[1];
  const organizerKey =
    new RegExp(`<option value="([^"]+)"[^>]*>[^<]*&lt;${organizerEmail.replace(/[.@]/g, "\\$&")}&gt;`).exec(
      consent,
    )?.[1] ?? (await sim.defaultOrganizer()).organizerKey;
  if (!requestId) throw new Error("the stand-in's consent page has no request_id");
  const decision = await fetch(new URL("/oauth/authorize/decision", authorizationUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ request_id: requestId, organizerKey, decision: "allow" }),
    redirect: "manual",
  });
  const callback = decision.headers.get("location");
  if (!callback) throw new Error(`the consent page answered ${decision.status} without a redirect`);
  const done = await session.request(callback, { redirect: "manual" });
  const landing = done.headers.get("location") ?? "";
  if (!landing.includes("verified=")) throw new Error(`verification failed: ${decodeURIComponent(landing)}`);
}

async function main() {
  console.log("  seeding demo data");
  await waitFor("the API", async () => ((await fetch(`${apiUrl}/healthz`)).ok ? true : undefined), 60_000);
  const organizerEmail = await seedStandIn();

  const { account } = await findOrCreateAccount({ db, name: ACCOUNT });
  // The demo's admin also runs the installation, so the demo shows the queue dashboard too.
  if (!(await db.user.findUnique({ where: { email: DEMO_EMAIL } }))) {
    await createUser({
      db,
      accountId: account.id,
      email: DEMO_EMAIL,
      password: DEMO_PASSWORD,
      name: "Dana Demo",
      role: "ADMIN",
      operator: true,
    });
  } else {
    await db.user.update({ where: { email: DEMO_EMAIL }, data: { isOperator: true } });
  }

  const session = new Session();
  const me = await session.json<{ csrfToken: string }>("/api/auth/login", {
    method: "POST",
    body: { email: DEMO_EMAIL, password: DEMO_PASSWORD },
  });
  session.csrf = me.csrfToken;

  const campaigns = await session.json<{ items: { id: string; name: string }[] }>("/api/campaigns");
  const campaign =
    campaigns.items.find((c) => c.name === "GoTo Webinar sync") ??
    (await session.json<{ id: string }>("/api/campaigns", { method: "POST", body: { name: "GoTo Webinar sync" } }));

  const connectors = await session.json<{ items: { id: string; name: string; status: string }[] }>("/api/connectors");
  const connector =
    connectors.items.find((c) => c.name === CONNECTOR) ??
    (await session.json<{ id: string; name: string; status: string }>("/api/connectors", {
      method: "POST",
      body: { name: CONNECTOR, connectorUserEmail: organizerEmail, createProspects: true, campaignId: campaign.id },
    }));
  // The stand-in keeps tokens in memory: after a restart the demo connector is verified again.
  await verifyConnector(session, connector.id, organizerEmail);
  console.log(`  connector "${CONNECTOR}" verified against the stand-in`);

  const options = await waitFor("the upcoming webinars to sync", async () => {
    const found = await session.json<{ webinars: { id: string; subject: string }[] }>("/api/forms/webinar-options");
    return found.webinars.some((w) => w.subject === "Integrations deep dive") ? found.webinars : undefined;
  });
  const forms = await session.json<{
    forms: { id: string; name: string; completionActions: { type: string; webinarId?: string }[] }[];
  }>("/api/forms");
  const target = options.find((w) => w.subject === "Integrations deep dive");
  let form = forms.forms.find((f) => f.name === FORM);
  const body = {
    name: FORM,
    fields: [
      { name: "email", required: true },
      { name: "firstName", required: true },
      { name: "lastName", required: true },
      { name: "organization", required: false },
      { name: "jobTitle", required: false },
      { name: "country", required: false },
    ],
    thankYouMessage: "You're registered! GoTo Webinar will e-mail your personal join link.",
    completionActions: [
      { type: "REGISTER_WEBINAR", webinarId: target?.id },
      { type: "ADD_TAG", tag: "Integrations interest" },
      { type: "ADJUST_SCORE", points: 5 },
    ],
  };
  if (!form) form = await session.json("/api/forms", { method: "POST", body });
  else if (form.completionActions.find((a) => a.type === "REGISTER_WEBINAR")?.webinarId !== target?.id) {
    form = await session.json(`/api/forms/${form.id}`, { method: "PUT", body });
  }

  // Let the backfill bring the finished webinars' attendance, so the first look is a full dashboard.
  await waitFor(
    "attendance of the finished webinars",
    async () => ((await db.webinarRegistration.count({ where: { attended: true } })) > 0 ? true : undefined),
    120_000,
  ).catch(() => console.log("  (attendance is still syncing; it appears within a minute)"));

  console.log(`
  Demo login:   ${DEMO_EMAIL}
  Password:     ${DEMO_PASSWORD}
  Hosted form:  ${apiUrl}/f/${form?.id}`);
}

try {
  await main();
} finally {
  await db.$disconnect();
}
