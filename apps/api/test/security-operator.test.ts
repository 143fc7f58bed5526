import { QUEUE_NAMES } from "@gw/queues";
import { describe, expect, it } from "vitest";
import { XSRF_COOKIE } from "../src/plugins/queue-dashboard";
import { type LoggedInUser, useUser } from "./auth-helpers";
import { useTestApi } from "./helpers";

const api = useTestApi("security_operator");
const operator = useUser(api, { operator: true });
const admin = useUser(api);
const marketer = useUser(api, () => ({ accountId: admin.accountId, role: "MARKETER" }));

const page = (user: LoggedInUser) =>
  api.app.inject({
    method: "GET",
    url: "/admin/queues",
    headers: { cookie: user.headers.cookie, accept: "text/html" },
  });
const pause = (headers: Record<string, string>) =>
  api.app.inject({ method: "PUT", url: `/admin/queues/api/queues/${QUEUE_NAMES.sync}/pause`, headers });

describe("the queue dashboard is for operators", () => {
  it("says who is an operator on login and GET /api/auth/me", async () => {
    for (const [user, expected] of [
      [operator, true],
      [admin, false],
      [marketer, false],
    ] as const) {
      const me = await api.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: user.headers.cookie } });
      expect(me.json().user.operator).toBe(expected);
    }
    const login = await api.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: operator.email, password: operator.password },
    });
    expect(login.json().user.operator).toBe(true);
  });

  it("refuses a tenant's admin and marketer (403), pages, API and changes alike", async () => {
    for (const user of [admin, marketer]) {
      const res = await page(user);
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toMatch(/Only an operator of this installation/);
      expect(res.cookies.find((c) => c.name === XSRF_COOKIE)).toBeUndefined();
      const list = await api.app.inject({
        method: "GET",
        url: "/admin/queues/api/queues",
        headers: { cookie: user.headers.cookie },
      });
      expect(list.statusCode).toBe(403);
      expect((await pause(user.headers)).statusCode).toBe(403);
    }
    expect(await api.deps.queues.sync.isPaused()).toBe(false);
  });

  it("sends a browser without a session to the login page, and an API caller a 401", async () => {
    const res = await api.app.inject({ method: "GET", url: "/admin/queues", headers: { accept: "text/html" } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/login?next=%2Fadmin%2Fqueues");
    expect((await api.app.inject({ method: "GET", url: "/admin/queues/api/queues" })).statusCode).toBe(401);
  });

  it("opens for an operator, whose changes need the CSRF token (echoed from the XSRF-TOKEN cookie)", async () => {
    const res = await page(operator);
    expect(res.statusCode).toBe(200);
    const xsrf = res.cookies.find((c) => c.name === XSRF_COOKIE);
    expect(xsrf).toMatchObject({ path: "/admin/queues", sameSite: "Strict" });
    expect(xsrf?.httpOnly).toBeFalsy();
    expect(xsrf?.value).toBe(operator.headers["x-csrf-token"]);

    const forged = await pause({ cookie: operator.headers.cookie });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().message).toMatch(/Missing x-csrf-token/);
    const wrong = await pause({ cookie: operator.headers.cookie, "x-xsrf-token": admin.headers["x-csrf-token"] });
    expect(wrong.statusCode).toBe(403);
    expect(await api.deps.queues.sync.isPaused()).toBe(false);

    const paused = await pause({ cookie: operator.headers.cookie, "x-xsrf-token": xsrf!.value });
    expect(paused.statusCode).toBe(200);
    expect(await api.deps.queues.sync.isPaused()).toBe(true);
    await api.deps.queues.sync.resume();
  });
});
