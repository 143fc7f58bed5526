import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { DomainError } from "@gw/domain";
import {
  budgetKeyOf,
  createConnectorGotoClient,
  processLimiterRegistry,
  REFRESH_AHEAD_MS,
} from "@gw/domain/connectors";
import { SecretBox } from "@gw/domain/security";
import { createAccount, createConnector, createVerifiedConnector, repoRoot } from "@gw/testing";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { simEnv, useApiOverSim } from "./connectors-env";

let accountId: string;

const { sim, api } = useApiOverSim("goto_client");
beforeAll(async () => {
  accountId = (await createAccount(api.deps.db)).id;
});
beforeEach(async () => {
  await sim.control.updateSettings({ refreshMode: "omit" });
});

const clientFor = (connectorId: string) =>
  createConnectorGotoClient({ db: api.deps.db, config: api.config, secretBox: api.deps.secretBox, connectorId });
const row = (id: string) => api.deps.db.connector.findUniqueOrThrow({ where: { id } });
const tokenRequests = async (since: number) =>
  (await sim.control.requests(since)).filter((r) => r.method === "POST" && r.path === "/oauth/token");
const lastRequestId = async () => (await sim.control.requests()).at(-1)?.id ?? 0;
/** A connector of a GoTo that hands out a new refresh token at every renewal. */
const rotatingConnector = async () => {
  await sim.control.updateSettings({ refreshMode: "rotate-always" });
  return createVerifiedConnector(api.deps.db, api.deps.secretBox, { accountId, sim });
};
/** GoTo forgets the organizer's access tokens; resolves with the last request before whatever follows. */
const expireTokens = async (organizerKey: string) => {
  await sim.control.expireTokens(organizerKey);
  return lastRequestId();
};

describe("createVerifiedConnector + createConnectorGotoClient", () => {
  it("calls GoTo with the connector's stored token and organizer", async () => {
    const { connector, organizer, accessToken, refreshToken } = await createVerifiedConnector(
      api.deps.db,
      api.deps.secretBox,
      { accountId, sim },
    );
    expect(connector.status).toBe("VERIFIED");
    const stored = JSON.stringify(await row(connector.id));
    expect(stored).not.toContain(accessToken);
    expect(stored).not.toContain(refreshToken);

    const client = await clientFor(connector.id);
    const identity = await client.getIdentity();
    expect(identity.organizerKey).toBe(organizer.organizerKey);
    expect(identity.email).toBe(organizer.email);
  });

  it(`refreshes ahead of expiry (less than ${REFRESH_AHEAD_MS / 60_000} minutes left) and stores the new token sealed`, async () => {
    const { connector } = await createVerifiedConnector(api.deps.db, api.deps.secretBox, { accountId, sim });
    await api.deps.db.connector.update({
      where: { id: connector.id },
      data: { accessTokenExpiresAt: new Date(Date.now() + 60_000) },
    });
    const since = await lastRequestId();
    await (await clientFor(connector.id)).getIdentity();
    const after = await row(connector.id);
    expect(await tokenRequests(since)).toHaveLength(1);
    expect(after.accessTokenEnc).not.toBe(connector.accessTokenEnc);
    expect(after.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    // GoTo sent no new refresh token (mode "omit"): the old one is kept as it was
    expect(after.refreshTokenEnc).toBe(connector.refreshTokenEnc);
  });

  it("refreshes once when GoTo says the token is invalid, and keeps a rotated refresh token", async () => {
    const { connector, organizer } = await rotatingConnector();
    const client = await clientFor(connector.id);
    const since = await expireTokens(organizer.organizerKey);
    const webinars = await client.listWebinars({
      fromTime: new Date(Date.now() - 86_400_000),
      toTime: new Date(Date.now() + 86_400_000),
    });
    expect(webinars).toBeDefined();
    expect(client.stats.tokenRefreshes).toBe(1);
    expect(await tokenRequests(since)).toHaveLength(1);
    // GoTo's answer to a stale token is 403 InvalidToken, not 401.
    expect((await sim.control.requests(since)).find((r) => r.path.includes("/webinars"))?.status).toBe(403);
    const after = await row(connector.id);
    expect(after.refreshTokenEnc).not.toBe(connector.refreshTokenEnc);
    expect(after.status).toBe("VERIFIED");
    // the rotated refresh token works for the next refresh
    await sim.control.expireTokens(organizer.organizerKey);
    await expect((await clientFor(connector.id)).getIdentity()).resolves.toMatchObject({
      organizerKey: organizer.organizerKey,
    });
  });

  it("shares one renewal between concurrent calls of one process", async () => {
    const { connector, organizer } = await rotatingConnector();
    const client = await clientFor(connector.id);
    const since = await expireTokens(organizer.organizerKey);
    const identities = await Promise.all([1, 2, 3, 4].map(() => client.getIdentity()));
    expect(identities.map((i) => i.organizerKey)).toEqual(Array(4).fill(organizer.organizerKey));
    expect(await tokenRequests(since)).toHaveLength(1);
  });

  it("serialises refreshes of two clients: the second adopts the token the first stored", async () => {
    const { connector, organizer } = await rotatingConnector();
    const [a, b] = await Promise.all([clientFor(connector.id), clientFor(connector.id)]);
    const since = await expireTokens(organizer.organizerKey);
    const [ia, ib] = await Promise.all([a.getIdentity(), b.getIdentity()]);
    expect(ia.organizerKey).toBe(organizer.organizerKey);
    expect(ib.organizerKey).toBe(organizer.organizerKey);
    expect(await tokenRequests(since)).toHaveLength(1);
    expect((await row(connector.id)).status).toBe("VERIFIED");
  });

  it("serialises refreshes across two real processes: one refresh, both served, the rotation stored", async () => {
    const { connector, organizer } = await rotatingConnector();
    const env = {
      ...process.env,
      ...simEnv(sim),
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      MIGRATE_ON_START: "false",
      DATABASE_URL: api.database.url,
      REDIS_URL: api.redis.url,
      REDIS_PREFIX: api.redis.prefix,
      CONNECTOR_ID: connector.id,
    };
    const script = fileURLToPath(new URL("./token-refresh-process.ts", import.meta.url));
    const processes = [0, 1].map(() => {
      const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: repoRoot, env });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = once(child, "exit");
      const outputMatches = async (pattern: RegExp) => {
        while (!pattern.test(output)) {
          if (child.exitCode !== null) throw new Error(`process exited early:\n${output}`);
          await Promise.race([once(child.stdout, "data"), exited]);
        }
      };
      return { child, output: () => output, exited, outputMatches };
    });
    try {
      // Both hold the same access token before GoTo stops accepting it.
      await Promise.all(processes.map((p) => p.outputMatches(/^ready$/m)));
      const since = await expireTokens(organizer.organizerKey);
      for (const p of processes) p.child.stdin.write("go\n");
      await Promise.all(processes.map((p) => p.exited));
      const results = processes.map((p) => JSON.parse(p.output().trim().split("\n").at(-1) ?? "{}"));
      expect(results).toEqual([
        { ok: true, organizerKey: organizer.organizerKey },
        { ok: true, organizerKey: organizer.organizerKey },
      ]);
      expect(await tokenRequests(since)).toHaveLength(1);
      const after = await row(connector.id);
      expect(after.status).toBe("VERIFIED");
      expect(after.refreshTokenEnc).not.toBe(connector.refreshTokenEnc);
    } finally {
      for (const p of processes) if (p.child.exitCode === null) p.child.kill();
    }
    // Two Node processes load the domain through tsx first: past 30 s at load 30 (a fresh-clone run).
  }, 120_000);

  it("puts the connector in ERROR with the reason when the refresh token is revoked, and throws UNAUTHORIZED", async () => {
    const { connector, organizer } = await createVerifiedConnector(api.deps.db, api.deps.secretBox, { accountId, sim });
    const client = await clientFor(connector.id);
    await sim.control.revokeTokens({ organizerKey: organizer.organizerKey, accessTokens: true });
    const error = await client.getIdentity().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("UNAUTHORIZED");
    expect((error as DomainError).details.retryable).toBeFalsy();
    const after = await row(connector.id);
    expect(after.status).toBe("ERROR");
    expect(after.lastError).toMatch(/invalid_grant/);
    expect(after.lastError).toMatch(/Verify the connector again/);
    expect(after.lastErrorAt).toBeInstanceOf(Date);
    // and no further client is handed out for it
    await expect(clientFor(connector.id)).rejects.toMatchObject({ code: "PRECONDITION" });
  });

  it("throws a retryable UPSTREAM when the token endpoint is down, leaving the connector VERIFIED", async () => {
    const { connector } = await createVerifiedConnector(api.deps.db, api.deps.secretBox, { accountId, sim });
    await api.deps.db.connector.update({
      where: { id: connector.id },
      data: { accessTokenExpiresAt: new Date(Date.now() - 1000) },
    });
    await sim.control.addFault({ path: "/oauth/token", type: "503", count: 5 });
    try {
      const range = { fromTime: new Date(Date.now() - 86_400_000), toTime: new Date(Date.now() + 86_400_000) };
      const error = await (await clientFor(connector.id)).listWebinars(range).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "UPSTREAM", details: { retryable: true } });
      expect((await row(connector.id)).status).toBe("VERIFIED");
    } finally {
      await sim.control.clearFaults();
    }
  });

  it("re-seals the kept refresh token with the newest key after a key rotation", async () => {
    const { connector } = await createVerifiedConnector(api.deps.db, api.deps.secretBox, { accountId, sim });
    const oldKeyId = api.deps.secretBox.currentKeyId;
    const rotated = new SecretBox([{ id: "rotated", key: randomBytes(32) }, ...api.config.secrets.keys]);
    await api.deps.db.connector.update({
      where: { id: connector.id },
      data: { accessTokenExpiresAt: new Date(Date.now() - 1000) },
    });
    const client = await createConnectorGotoClient({
      db: api.deps.db,
      config: api.config,
      secretBox: rotated,
      connectorId: connector.id,
    });
    await client.getIdentity();
    const after = await row(connector.id);
    expect(rotated.keyIdOf(after.refreshTokenEnc!)).toBe("rotated");
    expect(rotated.keyIdOf(after.accessTokenEnc!)).toBe("rotated");
    expect(rotated.decrypt(after.refreshTokenEnc!)).toBe(api.deps.secretBox.decrypt(connector.refreshTokenEnc!));
    expect(oldKeyId).not.toBe("rotated");
  });

  it("refuses a connector that is not verified", async () => {
    const unverified = await createConnector(api.deps.db, { accountId });
    await expect(clientFor(unverified.id)).rejects.toMatchObject({
      code: "PRECONDITION",
      message: expect.stringContaining("UNVERIFIED"),
    });
    await expect(clientFor("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shares one request budget per OAuth client in a process", () => {
    const registry = processLimiterRegistry({ perSecond: 10 });
    expect(processLimiterRegistry({ perSecond: 10 })).toBe(registry);
    expect(registry.get("a")).toBe(registry.get("a"));
    expect(registry.get("a")).not.toBe(registry.get("b"));
    expect(budgetKeyOf(api.config, null)).toBe(`client:${api.config.goto.clientId}`);
    expect(budgetKeyOf(api.config, "own-client")).toBe("client:own-client");
  });
});
