import { ABANDONED_NO_JOB, ABANDONED_RESTARTED } from "@gw/domain/sync";
import { redisOptionsFromUrl } from "@gw/queues";
import { createAccount, waitUntil } from "@gw/testing";
import { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlers } from "../src/handlers";
import { createTestWorkerEnv, type TestWorkerEnv } from "./helpers";

let env: TestWorkerEnv;
beforeAll(async () => {
  env = await createTestWorkerEnv("abandoned");
});
afterAll(async () => env?.close());

const ctx = () => ({
  deps: env.deps,
  log: env.deps.log,
  jobId: "close-abandoned-test",
  attempt: 1,
  signal: new AbortController().signal,
});

describe("close-abandoned-sync-runs", () => {
  it("closes runs whose job is gone or was started again as ABANDONED, and leaves live ones RUNNING", async () => {
    const { db, queues } = env.deps;
    const accountId = (await createAccount(db)).id;
    // A job that is really running: active in the sync queue, held by a worker.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const worker = new Worker("sync", () => held, {
      connection: redisOptionsFromUrl(env.config.redis.url),
      prefix: env.config.redis.prefix,
    });
    try {
      await queues.sync.add("sync-webinar", { payload: {} }, { jobId: "live-job" });
      await waitUntil("the job active", async () => (await queues.sync.getJobState("live-job")) === "active");
      const run = (data: { jobId: string | null; startedAt?: Date }) =>
        db.syncRun.create({ data: { accountId, kind: "REGISTRANTS", ...data }, select: { id: true } });
      const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
      const gone = await run({ jobId: "sync-gone-job", startedAt: minutesAgo(1) });
      const restarted = await run({ jobId: "live-job", startedAt: minutesAgo(2) });
      const live = await run({ jobId: "live-job", startedAt: minutesAgo(1) });
      const oldOrphan = await run({ jobId: null, startedAt: minutesAgo(120) });
      const newOrphan = await run({ jobId: null });
      const finished = await db.syncRun.create({
        data: { accountId, kind: "REGISTRANTS", jobId: "sync-gone-job", status: "SUCCEEDED", finishedAt: new Date() },
      });

      expect(await handlers["close-abandoned-sync-runs"]({}, ctx())).toEqual({ abandoned: 3 });

      const byId = new Map((await db.syncRun.findMany({ where: { accountId } })).map((r) => [r.id, r] as const));
      expect(byId.get(gone.id)).toMatchObject({ status: "ABANDONED", error: ABANDONED_NO_JOB });
      expect(byId.get(gone.id)?.finishedAt).toBeInstanceOf(Date);
      expect(byId.get(gone.id)?.durationMs).toBeGreaterThanOrEqual(60_000);
      expect(byId.get(restarted.id)).toMatchObject({ status: "ABANDONED", error: ABANDONED_RESTARTED });
      expect(byId.get(live.id)).toMatchObject({ status: "RUNNING", error: null });
      expect(byId.get(oldOrphan.id)).toMatchObject({ status: "ABANDONED" });
      expect(byId.get(newOrphan.id)).toMatchObject({ status: "RUNNING" });
      expect(byId.get(finished.id)).toMatchObject({ status: "SUCCEEDED", error: null });
    } finally {
      release();
      await worker.close();
      await queues.sync.obliterate({ force: true });
    }
  });

  it("is a periodic job, at least once a minute", async () => {
    const { jobsByName } = await import("@gw/queues");
    const every = jobsByName.get("close-abandoned-sync-runs")?.every?.(env.config);
    expect(every).toBeGreaterThan(0);
    expect(every).toBeLessThanOrEqual(60_000);
  });
});
