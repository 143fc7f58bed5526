import { createLogger } from "@gw/logger";
import { testConfig } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { createApiDeps } from "../src/deps";
import { LOGIN_LIMITS } from "../src/plugins/login-throttle";
import { createUserAndLogin, useUser } from "./auth-helpers";
import { useTestApi } from "./helpers";

const api = useTestApi("security_login");
const victim = useUser(api);

const login = (email: string, password: string, ip: string, app = api.app) =>
  app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    headers: { "x-forwarded-for": ip },
  });

describe("login throttling", () => {
  it("limits one address spraying a password over many e-mails, however they are spelled", async () => {
    const ip = "198.51.100.7";
    for (let i = 0; i < LOGIN_LIMITS.ip; i++) {
      const res = await login(`Sprayed-${i}@Example.com`, "Summer2026!", ip);
      expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await login(victim.email, victim.password, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toMatch(/Too many failed logins from your address; try again in 15 minutes/);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(800);
    expect(limited.cookies.find((c) => c.name === "gw_session")).toBeUndefined();
    // the victim, elsewhere, is not held back
    expect((await login(victim.email, victim.password, "198.51.100.8")).statusCode).toBe(200);
  });

  it("limits many addresses guessing one account's password", async () => {
    const target = await createUserAndLogin(api);
    for (let i = 0; i < LOGIN_LIMITS.email; i++) {
      const res = await login(i % 2 ? target.email.toUpperCase() : target.email, `guess-${i}`, `203.0.113.${i + 1}`);
      expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await login(target.email, target.password, "203.0.113.200");
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toMatch(/Too many failed logins for this e-mail/);
    // another account from one of those addresses still gets in
    expect((await login(victim.email, victim.password, "203.0.113.1")).statusCode).toBe(200);
  });

  it("does not count successful logins", async () => {
    const user = await createUserAndLogin(api);
    for (let i = 0; i < LOGIN_LIMITS.ipAndEmail + 5; i++)
      expect((await login(user.email, user.password, "192.0.2.44")).statusCode, `login ${i + 1}`).toBe(200);
    // failures still do
    for (let i = 0; i < LOGIN_LIMITS.ipAndEmail; i++)
      expect((await login(user.email, "wrong-password", "192.0.2.44")).statusCode).toBe(401);
    expect((await login(user.email, user.password, "192.0.2.44")).statusCode).toBe(429);
  });

  it("keeps limiting in each process while Redis is down, and still lets people log in", async () => {
    const config = testConfig({
      databaseUrl: api.database.url,
      redisUrl: "redis://127.0.0.1:1",
      redisPrefix: api.redis.prefix,
      env: { TRUST_PROXY: "true" },
    });
    const deps = createApiDeps(config, createLogger({ name: "t", level: "silent", pretty: false }));
    const app = await buildApp(deps);
    try {
      const user = await createUserAndLogin(api);
      expect((await login(user.email, user.password, "192.0.2.60", app)).statusCode).toBe(200);
      for (let i = 0; i < LOGIN_LIMITS.ipAndEmail; i++)
        expect((await login(user.email, "wrong-password", "192.0.2.60", app)).statusCode).toBe(401);
      const limited = await login(user.email, user.password, "192.0.2.60", app);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().message).toMatch(/Too many login attempts for this e-mail from your address/);
    } finally {
      await app.close();
      await deps.close();
    }
  });
});
