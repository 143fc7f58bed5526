import { liveness, readiness } from "@gw/api-contract";
import { migrationStatus, pgQuery } from "@gw/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms).unref(),
    ),
  ]);

const describe = (error: unknown) => (error instanceof Error ? error.message.split("\n")[0] : String(error));

export const healthRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/healthz",
      {
        schema: {
          tags: ["health"],
          summary: "The process is up",
          response: { 200: liveness },
        },
      },
      async () => ({
        status: "ok" as const,
      }),
    );

    app.get(
      "/readyz",
      {
        schema: {
          tags: ["health"],
          summary: "Postgres and Redis reachable, migrations applied",
          response: { 200: readiness, 503: readiness },
        },
      },
      async (_request, reply) => {
        const [postgres, redis, migrations] = await Promise.all([
          withTimeout(pgQuery(deps.db, "SELECT 1", []), 3_000, "Postgres").then(
            () => ({ ok: true }),
            (error) => ({ ok: false, detail: `Postgres unreachable: ${describe(error)}` }),
          ),
          withTimeout(deps.redis.ping(), 3_000, "Redis").then(
            () => ({ ok: true }),
            (error) => ({ ok: false, detail: `Redis unreachable: ${describe(error)}` }),
          ),
          withTimeout(migrationStatus(deps.config.databaseUrl), 3_000, "Postgres").then(
            (status) =>
              status.pending.length === 0 && status.failed.length === 0
                ? { ok: true }
                : { ok: false, detail: `migrations not applied: ${[...status.failed, ...status.pending].join(", ")}` },
            (error) => ({ ok: false, detail: `cannot read migrations: ${describe(error)}` }),
          ),
        ]);
        const ready = postgres.ok && redis.ok && migrations.ok;
        return reply
          .status(ready ? 200 : 503)
          .send({ status: ready ? "ready" : "not ready", checks: { postgres, redis, migrations } });
      },
    );
  };
