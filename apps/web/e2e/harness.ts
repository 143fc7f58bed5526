// The whole product in one process for the browser tests: the GoTo stand-in, the API (serving the
// built UI) on a real port, the worker runtime with the real handlers, a test database and Redis
// prefix of their own, and Debian's Chromium driven by Playwright.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AppConfig } from "@gw/config";
import type { Db } from "@gw/db";
import { createUser } from "@gw/domain/auth";
import { createList } from "@gw/domain/lists";
import { type RunningSim, type ScenarioRequest, startSim } from "@gw/gotowebinar-sim";
import { createLogger } from "@gw/logger";
import {
  createAccount,
  createConnector,
  createTestDatabase,
  createTestRedis,
  createVerifiedConnector,
  createWebinar,
  freePort,
  type TestDatabase,
  type TestRedis,
  testConfig,
} from "@gw/testing";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type App, buildApp } from "../../api/src/app";
import { type ApiDeps, createApiDeps } from "../../api/src/deps";
import { createWorkerDeps } from "../../worker/src/deps";
import { handlers } from "../../worker/src/handlers";
import { startWorkerRuntime, type WorkerRuntime } from "../../worker/src/runtime";
import { startSegmentConsumer } from "../../worker/src/segment-consumer";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../test-results");

export interface Stack {
  /** The API's own URL; it serves the UI too. */
  url: string;
  sim: RunningSim;
  config: AppConfig;
  db: Db;
  app: App;
  apiDeps: ApiDeps;
  admin: { email: string; password: string; accountId: string };
  browser: Browser;
  /** Stops the worker (for tests of what the UI shows when work stalls). */
  worker: WorkerRuntime;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startStack(label: string, options: { env?: Record<string, string> } = {}): Promise<Stack> {
  const database: TestDatabase = await createTestDatabase(label);
  const redis: TestRedis = await createTestRedis(label);
  const sim = await startSim({ port: 0 });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = testConfig({
    databaseUrl: database.url,
    redisUrl: redis.url,
    redisPrefix: redis.prefix,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      GOTO_AUTH_URL: sim.url,
      GOTO_API_URL: `${sim.url}/G2W/rest/v2`,
      GOTO_IDENTITY_URL: sim.url,
      GOTO_CLIENT_ID: "demo-client",
      GOTO_CLIENT_SECRET: "demo-secret",
      DISPATCH_EVERY_MS: "1000",
      ...options.env,
    },
  });
  const log = createLogger({ name: `e2e-${label}`, level: config.logLevel, pretty: false });

  const apiDeps = createApiDeps(config, log);
  const app = await buildApp(apiDeps);
  await app.listen({ port, host: "127.0.0.1" });
  const workerDeps = createWorkerDeps(config, log);
  const worker = await startWorkerRuntime(workerDeps, handlers);
  // As the worker process runs it: without it a dynamic list or rule never hears of a later change.
  const segments = startSegmentConsumer(workerDeps);

  const account = await createAccount(database.db, { name: "Acme Marketing" });
  const admin = {
    email: `admin-${label.toLowerCase()}@example.com`,
    password: "correct-horse-battery",
    accountId: account.id,
  };
  await createUser({
    db: database.db,
    accountId: account.id,
    email: admin.email,
    password: admin.password,
    name: "Ada Admin",
  });

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  mkdirSync(ARTIFACTS, { recursive: true });

  return {
    url,
    sim,
    config,
    db: database.db,
    app,
    apiDeps,
    admin,
    browser,
    worker,
    async newPage() {
      const context = await browser.newContext({
        baseURL: url,
        acceptDownloads: true,
        viewport: { width: 1440, height: 900 },
        locale: "en-GB",
        timezoneId: "Europe/London",
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser.close().catch(() => undefined);
      await segments.close().catch(() => undefined);
      await worker.close().catch(() => undefined);
      await app.close().catch(() => undefined);
      await workerDeps.close().catch(() => undefined);
      await apiDeps.close().catch(() => undefined);
      await sim.close().catch(() => undefined);
      await redis.cleanup().catch(() => undefined);
      await database.drop().catch(() => undefined);
    },
  };
}

/**
 * This file's stack, declared at its top: started before its tests (then `setup` runs, e.g. to
 * seed the stand-in), closed after them. Its fields are there from `setup` on.
 */
export function useStack(
  label: string,
  options: { env?: Record<string, string>; setup?: () => Promise<void> } = {},
): Stack {
  let current: Stack | undefined;
  beforeAll(async () => {
    current = await startStack(label, { env: options.env });
    await options.setup?.();
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as Stack, {
    get(_, key) {
      if (!current) throw new Error(`The ${label} stack is used before it started: use it in tests and hooks.`);
      return Reflect.get(current, key);
    },
  });
}

/** A connector for the stand-in's default organizer, verified as GoTo's consent page would: the worker syncs it. */
export async function connectDefaultOrganizer(
  stack: Pick<Stack, "db" | "apiDeps" | "admin" | "sim">,
  name: string,
): ReturnType<typeof createVerifiedConnector> {
  const organizer = await stack.sim.control.defaultOrganizer();
  return createVerifiedConnector(stack.db, stack.apiDeps.secretBox, {
    accountId: stack.admin.accountId,
    sim: stack.sim,
    organizerKey: organizer.organizerKey,
    name,
  });
}

/**
 * A series of three sessions, the first in three days, named `subject` (and any `others`) in the
 * stand-in, synced through a connector `connector` of its default organizer: back once the
 * sessions are stored.
 */
export async function syncSeries(
  stack: Pick<Stack, "db" | "apiDeps" | "admin" | "sim">,
  { subject, connector, others = [] }: { subject: string; connector: string; others?: ScenarioRequest["webinars"] },
): Promise<void> {
  const series = { subject, type: "series" as const, sessions: 3, startsInMinutes: 3 * 24 * 60, durationMinutes: 60 };
  await stack.sim.control.scenario({ webinars: [series, ...others] });
  await connectDefaultOrganizer(stack, connector);
  await eventually(
    "the series' three sessions",
    async () => (await stack.db.webinar.count({ where: { programId: { not: null } } })) === 3,
  );
}

/** A webinar that ended three days ago, of a connector of its own, written straight to the database. */
export async function createFinishedWebinar(
  stack: Pick<Stack, "db" | "admin">,
  data: Omit<Parameters<typeof createWebinar>[1], "accountId" | "connectorId">,
): ReturnType<typeof createWebinar> {
  const { accountId } = stack.admin;
  const connector = await createConnector(stack.db, { accountId });
  return createWebinar(stack.db, {
    accountId,
    connectorId: connector.id,
    startsAt: new Date(Date.now() - 3 * 86_400_000),
    ...data,
  });
}

/** A marketer (not an admin) of the stack's account, to log in with. */
export async function createMarketer(
  stack: Pick<Stack, "db" | "admin">,
  marketer: { email: string; password: string },
): Promise<void> {
  await createUser({
    db: stack.db,
    accountId: stack.admin.accountId,
    email: marketer.email,
    password: marketer.password,
    name: "Mia Marketer",
    role: "MARKETER",
  });
}

/** Logs in through the login page, as a person would. */
export async function logIn(page: Page, stack: Pick<Stack, "admin">): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(stack.admin.email);
  await page.getByLabel("Password").fill(stack.admin.password);
  await page.getByRole("button", { name: "Log in" }).click();
  // The app's home link shows on every screen size (on a phone the navigation folds away).
  await page.getByRole("link", { name: "Webinar Sync home" }).waitFor();
}

/** Every test leaves a full-page screenshot behind as its artifact. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Polls until `check` returns a value (not undefined/false), or fails with what it last saw. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Whether the element shows up within a few seconds (for polling loops that reload the page). */
export async function appears(locator: Locator, timeoutMs = 4_000): Promise<boolean> {
  return locator
    .first()
    .waitFor({ timeout: timeoutMs })
    .then(
      () => true,
      () => false,
    );
}

/**
 * A rule page's log once its registration has landed in GoTo: it goes through the outbox, so the
 * page is reloaded until the log says so.
 */
export async function ruleLogOnceRegistered(page: Page): Promise<Locator> {
  const log = page.getByRole("region", { name: "Log" });
  await eventually(
    "the rule's registration in the log",
    async () => {
      await page.reload();
      return appears(log.getByRole("row", { name: /Register for a webinar: succeeded/ }));
    },
    60_000,
  );
  return log;
}

/** A dynamic list of everyone registered for any webinar: members as soon as anything is synced. */
export async function createRegisteredList(stack: Pick<Stack, "db" | "admin">, name: string): Promise<{ id: string }> {
  return createList({
    db: stack.db,
    accountId: stack.admin.accountId,
    name,
    criteria: {
      type: "group",
      match: "all",
      conditions: [{ type: "webinarStatus", status: "registered", webinar: { anyWebinar: true } }],
    },
  });
}

/** A phone's screen (the layout's narrowest target). */
export const PHONE = { width: 390, height: 844 };

/** How much wider than the screen the page is (0 when nothing scrolls sideways). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document;
    return root.documentElement.scrollWidth - (globalThis as unknown as { innerWidth: number }).innerWidth;
  });
}
