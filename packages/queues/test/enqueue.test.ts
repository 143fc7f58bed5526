import { createTestRedis, type TestRedis } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createQueues, createRedis, defineJob, enqueue, jobCatalog, type Queues } from "../src";

let redis: TestRedis;
let queues: Queues;
let connection: ReturnType<typeof createRedis>;

const exampleJob = defineJob({
  name: "example",
  queue: "sync",
  schema: z.object({ webinarId: z.uuid() }),
  jobId: (payload) => `webinar-${payload.webinarId}`,
});

beforeAll(async () => {
  redis = await createTestRedis("queues");
  connection = createRedis(redis.url, "producer");
  queues = createQueues(connection, redis.prefix);
});
afterAll(async () => {
  await queues.close();
  connection.disconnect();
  await redis.cleanup();
});

describe("enqueue", () => {
  it("refuses a payload its job's schema rejects", async () => {
    await expect(enqueue(queues, exampleJob, { webinarId: "not-a-uuid" })).rejects.toThrow(/webinarId/);
  });

  it("is idempotent: the same deterministic id while waiting adds nothing", async () => {
    const webinarId = "0b6f3c5e-1d2a-4c1e-9a4b-5f6e7d8c9b0a";
    const first = await enqueue(queues, exampleJob, { webinarId }, { requestId: "req-1" });
    const second = await enqueue(queues, exampleJob, { webinarId }, { requestId: "req-2" });
    expect(first.id).toBe(`webinar-${webinarId}`);
    expect(second.id).toBe(first.id);
    expect(await queues.sync.getWaitingCount()).toBe(1);
    // The request that caused it travels with the job, for the worker's logs.
    expect((await queues.sync.getJob(first.id!))?.data).toEqual({ payload: { webinarId }, requestId: "req-1" });
  });
});

describe("the job catalog", () => {
  it("names each job once, with ids BullMQ accepts", () => {
    const names = jobCatalog.map((job) => job.name);
    expect(new Set(names).size).toBe(names.length);
    for (const job of jobCatalog) expect(job.name).not.toContain(":");
  });
});
