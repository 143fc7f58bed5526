// Test environment of the sync engine's domain tests: a database of their own, the GoTo
// stand-in over HTTP with a frozen clock, and our clock reading the stand-in's, so a test can
// move past a webinar's end and see GoTo's attendance appear.
import type { AppConfig } from "@gw/config";
import type { GotoClient } from "@gw/gotowebinar";
import { type RunningSim, startSim } from "@gw/gotowebinar-sim";
import {
  createAccount,
  createCampaign,
  createTestDatabase,
  createVerifiedConnector,
  type TestDatabase,
  testConfig,
} from "@gw/testing";
import { afterAll, beforeAll } from "vitest";
import { createConnectorGotoClient } from "../src/connectors/index";
import { SecretBox } from "../src/security/index";
import { type ConnectGoto, type DiscoverySettings, discoverWebinars, syncWebinar } from "../src/sync/index";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface SyncEnv {
  database: TestDatabase;
  db: TestDatabase["db"];
  sim: RunningSim;
  config: AppConfig;
  secretBox: SecretBox;
  settings: DiscoverySettings;
  /** The stand-in's (frozen) clock: our `now` too. */
  now(): Date;
  advance(ms: number): Promise<void>;
  connectGoto: ConnectGoto<GotoClient>;
  /** A verified connector of a new account (and organizer), with its campaign. */
  createConnector(options?: {
    createProspects?: boolean;
  }): Promise<{ accountId: string; connectorId: string; campaignId: string; organizerKey: string }>;
  /** One webinar sync run at the stand-in's time. */
  sync(webinarId: string): ReturnType<typeof syncWebinar>;
  /** A discovery run of the connector at the stand-in's time. */
  discover(connectorId: string): ReturnType<typeof discoverWebinars>;
  /** A connector of a new account with these webinars in the stand-in, discovered. */
  seed(
    webinars: ScenarioWebinars,
    options?: { createProspects?: boolean },
  ): Promise<Awaited<ReturnType<SyncEnv["createConnector"]>> & { scenario: Scenario }>;
  close(): Promise<void>;
}

type ScenarioWebinars = Parameters<RunningSim["control"]["scenario"]>[0]["webinars"];
type Scenario = Awaited<ReturnType<RunningSim["control"]["scenario"]>>;

/**
 * The file's environment, made before its tests and closed after them (declared at the file's
 * top, like useTestDatabase): read its fields inside the tests.
 */
export function useSyncEnv(label: string): SyncEnv {
  const env = {} as SyncEnv;
  let made: SyncEnv | undefined;
  beforeAll(async () => {
    made = await createSyncEnv(label);
    Object.assign(env, made);
  });
  afterAll(async () => made?.close());
  return env;
}

export async function createSyncEnv(label: string): Promise<SyncEnv> {
  const database = await createTestDatabase(label);
  const start = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  const sim = await startSim({ port: 0, frozenClock: true, now: start, rateLimitPerSecond: 0, seed: 7 });
  let simNow = start.getTime();
  const config = testConfig({
    databaseUrl: database.url,
    redisUrl: "redis://127.0.0.1:6379",
    redisPrefix: `unused-${label}`,
    env: {
      GOTO_AUTH_URL: sim.url,
      GOTO_API_URL: `${sim.url}/G2W/rest/v2`,
      GOTO_IDENTITY_URL: sim.url,
      GOTO_CLIENT_ID: "demo-client",
      GOTO_CLIENT_SECRET: "demo-secret",
      GOTO_REQUESTS_PER_SECOND: "500",
    },
  });
  const secretBox = new SecretBox(config.secrets.keys);
  const db = database.db;
  const env: SyncEnv = {
    database,
    db,
    sim,
    config,
    secretBox,
    settings: {
      pollMinutes: config.sync.pollMinutes,
      attendanceDelaysMinutes: config.sync.attendanceDelaysMinutes,
      lookbackDays: config.sync.lookbackDays,
      discoveryEveryMinutes: config.sync.discoveryEveryMinutes,
    },
    now: () => new Date(simNow),
    async advance(ms) {
      const state = await sim.control.advanceClock(ms);
      simNow = new Date(state.now).getTime();
    },
    connectGoto: (connector, hooks) =>
      createConnectorGotoClient({
        db,
        config,
        secretBox,
        connectorId: connector.id,
        onRequest: hooks.onRequest,
        now: () => new Date(simNow),
      }),
    async createConnector(options = {}) {
      const account = await createAccount(db);
      const campaign = await createCampaign(db, { accountId: account.id, name: "GoToWebinar Sync" });
      const { connector, organizer } = await createVerifiedConnector(db, secretBox, {
        accountId: account.id,
        sim,
        campaignId: campaign.id,
        createProspects: options.createProspects ?? true,
        accessTokenExpiresAt: new Date(simNow + HOUR),
      });
      return {
        accountId: account.id,
        connectorId: connector.id,
        campaignId: campaign.id,
        organizerKey: organizer.organizerKey,
      };
    },
    sync(webinarId) {
      return syncWebinar({ db, webinarId, connectGoto: env.connectGoto, settings: env.settings, now: env.now });
    },
    discover(connectorId) {
      return discoverWebinars({
        db,
        connectorId,
        connectGoto: env.connectGoto,
        settings: env.settings,
        mode: "discovery",
        now: env.now,
      });
    },
    async seed(webinars, options = {}) {
      const connector = await env.createConnector(options);
      const scenario = await sim.control.scenario({ organizerKey: connector.organizerKey, webinars });
      await env.discover(connector.connectorId);
      return { ...connector, scenario };
    },
    async close() {
      await sim.close();
      await database.drop();
    },
  };
  return env;
}
