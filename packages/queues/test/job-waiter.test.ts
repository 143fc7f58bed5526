import { createTestRedis, type TestRedis } from "@gw/testing";
import { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobWaiter, createQueues, createRedis, type JobWaiter, type Queues, redisOptionsFromUrl } from "../src";

let redis: TestRedis;
let queues: Queues;
let connection: ReturnType<typeof createRedis>;
let waiter: JobWaiter;
let worker: Worker;

beforeAll(async () => {
  redis = await createTestRedis("jobwaiter");
  connection = createRedis(redis.url, "producer");
  queues = createQueues(connection, redis.prefix);
  waiter = createJobWaiter({ redisUrl: redis.url, prefix: redis.prefix, queue: "registrations" });
  // Jobs named "ok" return a value, "boom" throw, "slow" outlast the waits below.
  worker = new Worker(
    "registrations",
    async (job) => {
      if (job.name === "boom") throw new Error("GoTo said no");
      if (job.name === "slow") await new Promise((resolve) => setTimeout(resolve, 1_500));
      return { outcome: "succeeded", id: job.id };
    },
    { connection: redisOptionsFromUrl(redis.url), prefix: redis.prefix },
  );
  await worker.waitUntilReady();
  // The reader starts from new events: let it subscribe before the first job.
  await new Promise((resolve) => setTimeout(resolve, 300));
});
afterAll(async () => {
  await worker?.close();
  await waiter?.close();
  await queues?.close();
  connection?.disconnect();
  await redis?.cleanup();
});

describe("waiting for a job", () => {
  it("hands each waiter its own job's end: the return value, or the failure", async () => {
    const ok = waiter.expect("ok-1", Date.now() + 10_000);
    const boom = waiter.expect("boom-1", Date.now() + 10_000);
    await queues.registrations.add("boom", {}, { jobId: "boom-1", removeOnComplete: true, removeOnFail: true });
    await queues.registrations.add("ok", {}, { jobId: "ok-1", removeOnComplete: true });
    expect(await ok.outcome).toEqual({ state: "completed", value: { outcome: "succeeded", id: "ok-1" } });
    expect(await boom.outcome).toEqual({ state: "failed", reason: "GoTo said no" });
  });

  it("gives up at the deadline, and a cancelled wait answers at once, without touching the job", async () => {
    const slow = waiter.expect("slow-1", Date.now() + 200);
    await queues.registrations.add("slow", {}, { jobId: "slow-1" });
    const startedAt = Date.now();
    expect(await slow.outcome).toEqual({ state: "timeout" });
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    const cancelled = waiter.expect("never-added", Date.now() + 10_000);
    cancelled.cancel();
    expect(await cancelled.outcome).toEqual({ state: "timeout" });
    // The job itself still runs to its end.
    await expect
      .poll(async () => (await queues.registrations.getJob("slow-1"))?.finishedOn, { timeout: 5_000 })
      .toBeDefined();
  });

  it("closes promptly when Redis cannot be reached, ending the waits in progress", async () => {
    const errors: Error[] = [];
    const unreachable = createJobWaiter({
      redisUrl: "redis://127.0.0.1:1",
      prefix: "unused",
      queue: "registrations",
      onError: (error) => errors.push(error),
    });
    const pending = unreachable.expect("x", Date.now() + 60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const startedAt = Date.now();
    await unreachable.close();
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(await pending.outcome).toEqual({ state: "timeout" });
    expect(errors.length).toBeGreaterThan(0);
  });
});
