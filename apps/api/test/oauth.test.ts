import { Writable } from "node:stream";
import { createConnectorGotoClient } from "@gw/domain/connectors";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { createApiDeps } from "../src/deps";
import { createUserAndLogin, useUser } from "./auth-helpers";
import { simEnv, useApiOverSim } from "./connectors-env";
import {
  consentAtGoto,
  createConnectorOverApi,
  followCallback,
  newOrganizer,
  verifyConnector,
} from "./connectors-helpers";
import { createTestApi, type TestApi } from "./helpers";

const { sim, api } = useApiOverSim("oauth");
const admin = useUser(api);

const getConnector = async (id: string, user = admin) => {
  const res = await api.app.inject({ method: "GET", url: `/api/connectors/${id}`, headers: user.headers });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const row = (id: string) => api.deps.db.connector.findUniqueOrThrow({ where: { id } });
/** Columns a refused verification must leave exactly as they were. */
const snapshot = async (id: string) => {
  const { updatedAt: _updatedAt, ...rest } = await row(id);
  return rest;
};

describe("verifying a connector through GoTo's OAuth consent", () => {
  it("stores the organizer and sealed tokens, marks it VERIFIED and schedules discovery and backfill", async () => {
    const organizer = await newOrganizer(sim);
    const connector = await createConnectorOverApi(api, admin, { connectorUserEmail: organizer.email });
    expect(connector.status).toBe("UNVERIFIED");

    const start = await api.app.inject({
      method: "POST",
      url: `/api/connectors/${connector.id}/verify`,
      headers: admin.headers,
    });
    const authorizationUrl = new URL(start.json().authorizationUrl);
    expect(authorizationUrl.origin).toBe(sim.url);
    expect(authorizationUrl.searchParams.get("redirect_uri")).toBe(`${api.config.http.publicUrl}/oauth/callback`);
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationUrl.searchParams.get("client_id")).toBe("demo-client");
    const state = await api.deps.db.oAuthState.findFirstOrThrow({ where: { connectorId: connector.id } });
    expect(state.stateHash).not.toBe(authorizationUrl.searchParams.get("state"));
    expect(state.expiresAt.getTime() - state.createdAt.getTime()).toBe(10 * 60_000);

    const before = Date.now();
    const result = await verifyConnector(api, admin, connector.id, organizer.organizerKey);
    expect(result.location).toBe(`/connectors?verified=${connector.id}`);

    const view = await getConnector(connector.id);
    expect(view).toMatchObject({
      status: "VERIFIED",
      organizerKey: organizer.organizerKey,
      gotoAccountKey: organizer.accountKey,
      organizerEmail: organizer.email,
      organizerName: `${organizer.firstName} ${organizer.lastName}`,
      lastError: null,
    });
    const body = JSON.stringify(view);
    expect(body).not.toMatch(/token|secret/i);

    const stored = await row(connector.id);
    expect(stored.accessTokenEnc).toMatch(/^v1\./);
    expect(stored.refreshTokenEnc).toMatch(/^v1\./);
    expect(stored.verifiedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(stored.nextDiscoveryAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(stored.backfillDueAt!.getTime()).toBeLessThanOrEqual(Date.now());
    const clear = api.deps.secretBox.decrypt(stored.accessTokenEnc!);
    expect(JSON.stringify(stored)).not.toContain(clear);
    expect(body).not.toContain(clear);
    // single use: the state that completed is spent (the first, never followed, stays unused)
    const states = await api.deps.db.oAuthState.findMany({
      where: { connectorId: connector.id },
      orderBy: { createdAt: "asc" },
    });
    expect(states.map((s) => s.usedAt === null)).toEqual([true, false]);

    // the stored tokens work against GoTo
    const client = await createConnectorGotoClient({
      db: api.deps.db,
      config: api.config,
      secretBox: api.deps.secretBox,
      connectorId: connector.id,
    });
    expect((await client.getIdentity()).organizerKey).toBe(organizer.organizerKey);
  });

  it("ends on a clear message and changes nothing when access is denied", async () => {
    const organizer = await newOrganizer(sim);
    const connector = await createConnectorOverApi(api, admin);
    const before = await snapshot(connector.id);
    const result = await verifyConnector(api, admin, connector.id, organizer.organizerKey, "deny");
    expect(result.params.get("error")).toBe("access_denied");
    expect(result.params.get("message")).toBe("Access was denied at GoTo, so the connector was not verified.");
    expect(await snapshot(connector.id)).toEqual(before);
  });

  it("refuses a tampered state", async () => {
    const organizer = await newOrganizer(sim);
    const connector = await createConnectorOverApi(api, admin);
    const before = await snapshot(connector.id);
    const callback = new URL(
      await consentAtGoto(api, admin, connector.id, { organizerKey: organizer.organizerKey }),
      "http://x",
    );
    callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);
    const result = await followCallback(api, admin.headers.cookie, `${callback.pathname}${callback.search}`);
    expect(result.params.get("error")).toBe("invalid_state");
    expect(result.params.get("message")).toMatch(/not one we issued/);
    expect(await snapshot(connector.id)).toEqual(before);

    const missing = await followCallback(api, admin.headers.cookie, "/oauth/callback?code=abc");
    expect(missing.params.get("error")).toBe("missing_state");
  });

  it("refuses an expired state", async () => {
    const organizer = await newOrganizer(sim);
    const connector = await createConnectorOverApi(api, admin);
    const before = await snapshot(connector.id);
    const callback = await consentAtGoto(api, admin, connector.id, { organizerKey: organizer.organizerKey });
    await api.deps.db.oAuthState.updateMany({
      where: { connectorId: connector.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const result = await followCallback(api, admin.headers.cookie, callback);
    expect(result.params.get("error")).toBe("state_expired");
    expect(result.params.get("message")).toMatch(/expired/);
    expect(await snapshot(connector.id)).toEqual(before);
  });

  it("works once: a replayed callback is refused and a code already used at GoTo is refused", async () => {
    const organizer = await newOrganizer(sim);
    const connector = await createConnectorOverApi(api, admin);
    const callback = await consentAtGoto(api, admin, connector.id, { organizerKey: organizer.organizerKey });
    expect((await followCallback(api, admin.headers.cookie, callback)).params.get("verified")).toBe(connector.id);
    const verified = await snapshot(connector.id);
    const replay = await followCallback(api, admin.headers.cookie, callback);
    expect(replay.params.get("error")).toBe("state_used");
    expect(await snapshot(connector.id)).toEqual(verified);

    // a fresh state whose code someone already redeemed at GoTo
    const other = await createConnectorOverApi(api, admin);
    const before = await snapshot(other.id);
    const stolen = new URL(
      await consentAtGoto(api, admin, other.id, { organizerKey: (await newOrganizer(sim)).organizerKey }),
      "http://x",
    );
    const pending = await api.deps.db.oAuthState.findFirstOrThrow({ where: { connectorId: other.id, usedAt: null } });
    const redeemed = await fetch(`${sim.url}/oauth/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from("demo-client:demo-secret").toString("base64")}`,
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: stolen.searchParams.get("code")!,
        redirect_uri: `${api.config.http.publicUrl}/oauth/callback`,
        code_verifier: api.deps.secretBox.decrypt(pending.codeVerifierEnc),
      }),
    });
    expect(redeemed.status).toBe(200);
    const result = await followCallback(api, admin.headers.cookie, `${stolen.pathname}${stolen.search}`);
    expect(result.params.get("error")).toBe("code_rejected");
    expect(result.params.get("message")).toMatch(/already used or expired/);
    expect(await snapshot(other.id)).toEqual(before);
  });

  it("refuses a second connector for an organizer already connected in the account", async () => {
    const organizer = await newOrganizer(sim);
    const first = await createConnectorOverApi(api, admin);
    expect((await verifyConnector(api, admin, first.id, organizer.organizerKey)).params.get("verified")).toBe(first.id);
    const second = await createConnectorOverApi(api, admin);
    const before = await snapshot(second.id);
    const result = await verifyConnector(api, admin, second.id, organizer.organizerKey);
    expect(result.params.get("error")).toBe("organizer_taken");
    expect(result.params.get("message")).toBe(
      `The organizer ${organizer.email} is already connected by the connector "${first.name}"; an account has one connector per organizer.`,
    );
    expect(await snapshot(second.id)).toEqual(before);
    expect((await getConnector(first.id)).status).toBe("VERIFIED");

    // another account may connect the same organizer
    const otherAccount = await createUserAndLogin(api);
    const theirs = await createConnectorOverApi(api, otherAccount);
    expect((await verifyConnector(api, otherAccount, theirs.id, organizer.organizerKey)).params.get("verified")).toBe(
      theirs.id,
    );
  });

  it("refuses a callback that arrives in another login session", async () => {
    const organizer = await newOrganizer(sim);
    const connector = await createConnectorOverApi(api, admin);
    const before = await snapshot(connector.id);
    const callback = await consentAtGoto(api, admin, connector.id, { organizerKey: organizer.organizerKey });
    const sameAccountOtherSession = await createUserAndLogin(api, { accountId: admin.accountId });
    const result = await followCallback(api, sameAccountOtherSession.headers.cookie, callback);
    expect(result.params.get("error")).toBe("session_mismatch");
    expect(await snapshot(connector.id)).toEqual(before);
    const anonymous = await followCallback(
      api,
      undefined,
      await consentAtGoto(api, admin, connector.id, { organizerKey: organizer.organizerKey }),
    );
    expect(anonymous.params.get("error")).toBe("session_mismatch");
  });

  it("refreshes an expired token, goes to ERROR when GoTo revokes access, and Verify mends it", async () => {
    const organizer = await newOrganizer(sim);
    const connector = await createConnectorOverApi(api, admin);
    await verifyConnector(api, admin, connector.id, organizer.organizerKey);
    const clientFor = () =>
      createConnectorGotoClient({
        db: api.deps.db,
        config: api.config,
        secretBox: api.deps.secretBox,
        connectorId: connector.id,
      });
    const range = { fromTime: new Date(Date.now() - 86_400_000), toTime: new Date(Date.now() + 86_400_000) };

    const sealed = (await row(connector.id)).accessTokenEnc;
    await sim.control.expireTokens(organizer.organizerKey);
    await (await clientFor()).listWebinars(range);
    expect((await row(connector.id)).accessTokenEnc).not.toBe(sealed);

    await sim.control.revokeTokens({ organizerKey: organizer.organizerKey, accessTokens: true });
    await expect((await clientFor()).listWebinars(range)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const broken = await getConnector(connector.id);
    expect(broken.status).toBe("ERROR");
    expect(broken.lastError).toMatch(/GoTo refused to renew access \(invalid_grant\)/);
    expect(broken.lastErrorAt).toEqual(expect.any(String));

    const mended = await verifyConnector(api, admin, connector.id, organizer.organizerKey);
    expect(mended.params.get("verified")).toBe(connector.id);
    expect(await getConnector(connector.id)).toMatchObject({ status: "VERIFIED", lastError: null, lastErrorAt: null });
    await expect((await clientFor()).listWebinars(range)).resolves.toBeDefined();
  });

  it("keeps a connector bound to its organizer: re-verifying as someone else is refused", async () => {
    const organizer = await newOrganizer(sim);
    const connector = await createConnectorOverApi(api, admin);
    await verifyConnector(api, admin, connector.id, organizer.organizerKey);
    const before = await snapshot(connector.id);
    const result = await verifyConnector(api, admin, connector.id, (await newOrganizer(sim)).organizerKey);
    expect(result.params.get("error")).toBe("organizer_changed");
    expect(await snapshot(connector.id)).toEqual(before);
  });

  it("uses a connector's own OAuth client, keeps its secret sealed and never returns it", async () => {
    await sim.control.createClient({ clientId: "acme-own-client", clientSecret: "acme-own-secret-123" });
    const organizer = await newOrganizer(sim);
    const connector = await createConnectorOverApi(api, admin, {
      oauthClientId: "acme-own-client",
      oauthClientSecret: "acme-own-secret-123",
    });
    expect(connector.hasCustomOAuthClient).toBe(true);
    expect(JSON.stringify(connector)).not.toContain("acme-own");
    const stored = await row(connector.id);
    expect(stored.oauthClientSecretEnc).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain("acme-own-secret-123");

    const start = await api.app.inject({
      method: "POST",
      url: `/api/connectors/${connector.id}/verify`,
      headers: admin.headers,
    });
    expect(new URL(start.json().authorizationUrl).searchParams.get("client_id")).toBe("acme-own-client");
    expect((await verifyConnector(api, admin, connector.id, organizer.organizerKey)).params.get("verified")).toBe(
      connector.id,
    );
    // the stand-in's tokens name the OAuth client they were issued to
    const access = api.deps.secretBox.decrypt((await row(connector.id)).accessTokenEnc!);
    expect(JSON.parse(Buffer.from(access.split(".")[1]!, "base64url").toString()).cid).toBe("acme-own-client");
  });
});

describe("logs", () => {
  it("never hold the authorization code, the state or a token", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write: (chunk, _encoding, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    const deps = createApiDeps(api.config, pino({ level: "debug" }, stream));
    const app = await buildApp(deps);
    try {
      const logged = { ...api, app, deps } as TestApi;
      const organizer = await newOrganizer(sim);
      const connector = await createConnectorOverApi(logged, admin);
      const callback = new URL(
        await consentAtGoto(logged, admin, connector.id, { organizerKey: organizer.organizerKey }),
        "http://x",
      );
      expect(
        (await followCallback(logged, admin.headers.cookie, `${callback.pathname}${callback.search}`)).params.get(
          "verified",
        ),
      ).toBe(connector.id);
      await sim.control.expireTokens(organizer.organizerKey);
      const client = await createConnectorGotoClient({
        db: deps.db,
        config: api.config,
        secretBox: deps.secretBox,
        connectorId: connector.id,
        log: deps.log,
      });
      await client.getIdentity();

      const stored = await row(connector.id);
      const secrets = [
        callback.searchParams.get("code")!,
        callback.searchParams.get("state")!,
        api.deps.secretBox.decrypt(stored.accessTokenEnc!),
        api.deps.secretBox.decrypt(stored.refreshTokenEnc!),
        admin.headers.cookie.split("=")[1]!,
      ];
      const text = lines.join("");
      expect(text).toContain("/oauth/callback");
      expect(text).toContain("connector verified");
      for (const secret of secrets) expect(text).not.toContain(secret);
    } finally {
      await app.close();
      await deps.close();
    }
  });
});

describe("without a GoTo OAuth client configured", () => {
  it("answers verify with 422 naming GOTO_CLIENT_ID / GOTO_CLIENT_SECRET", async () => {
    const bare = await createTestApi("oauth_bare", { ...simEnv(sim), GOTO_CLIENT_ID: "", GOTO_CLIENT_SECRET: "" });
    try {
      const user = await createUserAndLogin(bare);
      const connector = await createConnectorOverApi(bare, user);
      const res = await bare.app.inject({
        method: "POST",
        url: `/api/connectors/${connector.id}/verify`,
        headers: user.headers,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().message).toMatch(/set GOTO_CLIENT_ID and GOTO_CLIENT_SECRET/);
      expect(await bare.deps.db.oAuthState.count()).toBe(0);
    } finally {
      await bare.close();
    }
  });
});
