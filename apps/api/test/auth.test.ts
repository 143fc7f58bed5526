import { createHash } from "node:crypto";
import { createUser } from "@gw/domain/auth";
import { createAccount } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { LOGIN_ATTEMPTS } from "../src/routes/auth";
import { createUserAndLogin } from "./auth-helpers";
import { createTestApi, useTestApi } from "./helpers";

const api = useTestApi("auth");

const login = (payload: unknown, headers: Record<string, string> = {}) =>
  api.app.inject({ method: "POST", url: "/api/auth/login", payload: payload as object, headers });

describe("login", () => {
  it("sets an httpOnly SameSite=Lax session cookie and stores only the token's SHA-256", async () => {
    const account = await createAccount(api.deps.db, { name: "Acme" });
    await createUser({
      db: api.deps.db,
      accountId: account.id,
      email: "Ada@Example.com",
      password: "correct horse battery",
    });
    const res = await login({ email: "ada@example.com", password: "correct horse battery" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ email: "ada@example.com", role: "ADMIN" });
    expect(body.account).toEqual({ id: account.id, name: "Acme" });
    expect(body.csrfToken).toEqual(expect.any(String));

    const cookie = res.cookies.find((c) => c.name === "gw_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    const rows = await api.deps.db.userSession.findMany({ where: { user: { email: "ada@example.com" } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(createHash("sha256").update(cookie!.value).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(cookie!.value);
    // scrypt, never the password itself
    const user = await api.deps.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain("correct horse");
  });

  it("answers a wrong password and an unknown e-mail alike", async () => {
    const { email } = await createUserAndLogin(api);
    const wrong = await login({ email, password: "not the password" });
    const unknown = await login({ email: "nobody@example.com", password: "whatever123" });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe("The e-mail or password is wrong.");
    expect(unknown.json().message).toBe(wrong.json().message);
    expect(wrong.cookies.find((c) => c.name === "gw_session")).toBeUndefined();
  });

  it("names the field of a bad body", async () => {
    const res = await login({ email: "not-an-email", password: "" });
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["body.email", "body.password"]));
    expect(res.json().message).toContain("body.email");
  });

  it("refuses a login posted as an HTML form (login CSRF)", async () => {
    const { email, password } = await createUserAndLogin(api);
    const res = await api.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: `email=${encodeURIComponent(email)}&password=${password}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toBe("Send this request as application/json.");
  });

  it(`allows ${LOGIN_ATTEMPTS} failed attempts per IP and e-mail in 15 minutes, then answers 429`, async () => {
    const { email, password } = await createUserAndLogin(api);
    // createUserAndLogin's successful login does not count
    for (let i = 0; i < LOGIN_ATTEMPTS; i++)
      expect((await login({ email, password: "wrong-password" })).statusCode).toBe(401);
    const limited = await login({ email, password });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ statusCode: 429, error: "Too Many Requests" });
    expect(limited.json().message).toMatch(/Too many login attempts for this e-mail .* try again in 15 minutes/);
    // another address, or another e-mail, still gets in
    expect((await login({ email, password }, { "x-forwarded-for": "203.0.113.9" })).statusCode).toBe(200);
    const other = await createUserAndLogin(api);
    expect(other.headers.cookie).toContain("gw_session=");
  });
});

describe("session", () => {
  it("identifies the user on GET /api/auth/me and refuses without a session", async () => {
    const user = await createUserAndLogin(api, { name: "Grace" });
    const me = await api.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: user.headers.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { id: user.userId, email: user.email, name: "Grace" },
      account: { id: user.accountId },
    });
    expect(me.json().csrfToken).toBe(user.headers["x-csrf-token"]);

    const csrf = await api.app.inject({
      method: "GET",
      url: "/api/auth/csrf",
      headers: { cookie: user.headers.cookie },
    });
    expect(csrf.json()).toEqual({ csrfToken: user.headers["x-csrf-token"] });

    const anonymous = await api.app.inject({ method: "GET", url: "/api/auth/me" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({
      statusCode: 401,
      error: "Unauthorized",
      message: expect.stringContaining("Log in first"),
    });
    const forged = await api.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: "gw_session=forged" },
    });
    expect(forged.statusCode).toBe(401);
  });

  it("logs out: the session row goes and the old cookie stops working", async () => {
    const user = await createUserAndLogin(api);
    const out = await api.app.inject({ method: "POST", url: "/api/auth/logout", headers: user.headers });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === "gw_session")?.value).toBe("");
    expect(await api.deps.db.userSession.count({ where: { userId: user.userId } })).toBe(0);
    const me = await api.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: user.headers.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it("expires: a session past its expiry is refused and removed", async () => {
    const user = await createUserAndLogin(api);
    await api.deps.db.userSession.updateMany({
      where: { userId: user.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const me = await api.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: user.headers.cookie } });
    expect(me.statusCode).toBe(401);
    expect(await api.deps.db.userSession.count({ where: { userId: user.userId } })).toBe(0);
  });

  it("removes the user's expired sessions at the next login", async () => {
    const user = await createUserAndLogin(api);
    await api.deps.db.userSession.updateMany({
      where: { userId: user.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await login({ email: user.email, password: user.password })).statusCode).toBe(200);
    const left = await api.deps.db.userSession.findMany({ where: { userId: user.userId } });
    expect(left).toHaveLength(1);
    expect(left[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("slides the expiry forward on use, up to 12 hours ahead", async () => {
    const user = await createUserAndLogin(api);
    const soon = new Date(Date.now() + 3_600_000);
    await api.deps.db.userSession.updateMany({ where: { userId: user.userId }, data: { expiresAt: soon } });
    expect(
      (await api.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: user.headers.cookie } }))
        .statusCode,
    ).toBe(200);
    const row = await api.deps.db.userSession.findFirstOrThrow({ where: { userId: user.userId } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 12 * 3_600_000);
  });
});

describe("CSRF", () => {
  it("refuses a state-changing request with a session but without the token", async () => {
    const user = await createUserAndLogin(api);
    const missing = await api.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: user.headers.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().message).toMatch(/Missing x-csrf-token header/);
    const wrong = await api.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: user.headers.cookie, "x-csrf-token": "nope" },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().message).toMatch(/does not match this session/);
    // another session's token is no good either
    const other = await createUserAndLogin(api);
    const crossed = await api.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: user.headers.cookie, "x-csrf-token": other.headers["x-csrf-token"] },
    });
    expect(crossed.statusCode).toBe(403);
    expect(await api.deps.db.userSession.count({ where: { userId: user.userId } })).toBe(1);
  });
});

describe("secure cookies", () => {
  it("marks the cookie Secure when PUBLIC_URL is https", async () => {
    const secureApi = await createTestApi("auth_secure", { PUBLIC_URL: "https://sync.example.com" });
    try {
      const user = await createAccount(secureApi.deps.db);
      await createUser({ db: secureApi.deps.db, accountId: user.id, email: "s@example.com", password: "0123456789ab" });
      const res = await secureApi.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "s@example.com", password: "0123456789ab" },
      });
      expect(res.cookies.find((c) => c.name === "gw_session")).toMatchObject({
        secure: true,
        httpOnly: true,
        sameSite: "Lax",
      });
    } finally {
      await secureApi.close();
    }
  });
});
