import { randomBytes } from "node:crypto";
import { createUser } from "@gw/domain/auth";
import { createAccount, fixture } from "@gw/testing";
import type { TestApi } from "./helpers";

export interface LoggedInUser {
  accountId: string;
  userId: string;
  email: string;
  password: string;
  /** Spread into `app.inject({ headers })`: the session cookie and the CSRF token. */
  headers: { cookie: string; "x-csrf-token": string };
}

export interface UserOptions {
  accountId?: string;
  role?: "ADMIN" | "MARKETER";
  operator?: boolean;
  email?: string;
  name?: string;
}

/** What logging in needs of an API: the app to call and its database (a TestApi, or one over a worker's env). */
export type LoginTarget = Pick<TestApi, "app"> & { deps: Pick<TestApi["deps"], "db"> };

/**
 * A user (in a new account unless `accountId` is given) logged in through the real
 * `POST /api/auth/login`, ready to act: `api.app.inject({ method, url, headers: user.headers })`.
 * Call it twice without `accountId` to get two tenants for isolation tests.
 */
export async function createUserAndLogin(api: LoginTarget, options: UserOptions = {}): Promise<LoggedInUser> {
  const accountId = options.accountId ?? (await createAccount(api.deps.db)).id;
  const email = options.email ?? `user-${randomBytes(6).toString("hex")}@example.com`;
  const password = `pw-${randomBytes(12).toString("hex")}`;
  const user = await createUser({
    db: api.deps.db,
    accountId,
    email,
    password,
    role: options.role ?? "ADMIN",
    operator: options.operator ?? false,
    name: options.name ?? "Test User",
  });
  const res = await api.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed (${res.statusCode}): ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "gw_session");
  if (!cookie) throw new Error("login set no gw_session cookie");
  return {
    accountId,
    userId: user.id,
    email: user.email,
    password,
    headers: { cookie: `gw_session=${cookie.value}`, "x-csrf-token": res.json().csrfToken },
  };
}

/**
 * `createUserAndLogin` as the file's fixture, made before its tests. `options` may be a function when
 * it reads another fixture (`() => ({ accountId: admin.accountId, role: "MARKETER" })`).
 */
export function useUser(api: TestApi, options: UserOptions | (() => UserOptions) = {}): LoggedInUser {
  return fixture(() => createUserAndLogin(api, typeof options === "function" ? options() : options));
}
