import type { AppConfig } from "@gw/config";
import { createLogger } from "@gw/logger";
import { createTestStores, fixture, type TestDatabase, type TestRedis, testConfig } from "@gw/testing";
import { type App, buildApp } from "../src/app";
import { type ApiDeps, createApiDeps } from "../src/deps";

export interface TestApi {
  app: App;
  deps: ApiDeps;
  config: AppConfig;
  database: TestDatabase;
  redis: TestRedis;
  close(): Promise<void>;
}

export interface TestApiOptions {
  webDistDir?: string;
  databaseVia?: (url: string) => Promise<string> | string;
}

/**
 * The whole API on its own database and Redis prefix; `env` overrides any setting. `databaseVia`
 * rewrites the database URL the API uses (through a proxy a test can cut, say).
 * `webDistDir` serves that web build.
 */
export async function createTestApi(
  label: string,
  env: Record<string, string> = {},
  options: TestApiOptions = {},
): Promise<TestApi> {
  // Tests stand for clients behind a proxy: X-Forwarded-For gives each its own address.
  const stores = await createTestStores(label, {
    env: { TRUST_PROXY: "true", ...env },
    databaseVia: options.databaseVia,
  });
  const { config } = stores;
  const deps = createApiDeps(config, createLogger({ name: "api-test", level: config.logLevel, pretty: false }));
  const app = await buildApp(deps, options);
  await app.ready();
  return {
    ...stores,
    app,
    deps,
    async close() {
      await app.close();
      await deps.close();
      await stores.close();
    },
  };
}

/**
 * `createTestApi` as the file's fixture: made before its tests, closed after them. `env` may be a
 * function when it reads another fixture (a stand-in's URL, say).
 */
export function useTestApi(
  label: string,
  env: Record<string, string> | (() => Record<string, string>) = {},
  options: TestApiOptions = {},
): TestApi {
  return fixture(
    () => createTestApi(label, typeof env === "function" ? env() : env, options),
    (api) => api.close(),
  );
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Requests as one user (their session cookie and CSRF header): `asUser(api, admin).put(url, body)`.
 * The headers are read at each call, so a `useUser` fixture works before its beforeAll ran.
 */
export function asUser(api: Pick<TestApi, "app">, user: { headers: Record<string, string> }) {
  const send = (method: Method) => (url: string, payload?: object | string) =>
    api.app.inject({ method, url, headers: user.headers, ...(payload === undefined ? {} : { payload }) });
  return { get: send("GET"), post: send("POST"), put: send("PUT"), patch: send("PATCH"), delete: send("DELETE") };
}

/**
 * `api.app.inject` as `user` unless the call names another: `const inject = injectAs(api, admin)`,
 * then `inject("POST", url, body)` or `inject("GET", url, undefined, other)`. Like `asUser`, it reads
 * nothing until a call, so fixtures may be passed at the top of the file.
 */
export function injectAs(api: Pick<TestApi, "app">, user: { headers: Record<string, string> }) {
  return (method: Method, url: string, payload?: object, as: { headers: Record<string, string> } = user) =>
    api.app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
}

/** A second API on `api`'s database and Redis prefix whose Redis is not there (nothing listens on the port). */
export async function createApiWithoutRedis(api: TestApi): Promise<{ app: App; close(): Promise<void> }> {
  const config = testConfig({
    databaseUrl: api.database.url,
    redisUrl: "redis://127.0.0.1:1",
    redisPrefix: api.redis.prefix,
  });
  const deps = createApiDeps(config, createLogger({ name: "t", level: "silent", pretty: false }));
  const app = await buildApp(deps);
  return {
    app,
    async close() {
      await app.close();
      await deps.close();
    },
  };
}
