import { dispatchJob, enqueue } from "@gw/queues";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlers } from "../src/handlers";
import { assertHandlersCoverCatalog, startWorkerRuntime } from "../src/runtime";
import { createTestWorkerEnv, type TestWorkerEnv } from "./helpers";

let env: TestWorkerEnv;
beforeAll(async () => {
  env = await createTestWorkerEnv("runtime");
});
afterAll(async () => env?.close());

describe("worker runtime", () => {
  it("refuses to start when a job of the catalog has no handler, or a handler has no job", () => {
    expect(() => assertHandlersCoverCatalog({})).toThrow(/no handler for dispatch/);
    expect(() => assertHandlersCoverCatalog({ ...handlers, ghost: async () => undefined })).toThrow(/unknown job ghost/);
    expect(() => assertHandlersCoverCatalog(handlers)).not.toThrow();
  });

  it("registers the dispatcher as a BullMQ job scheduler, once however many workers start", async () => {
    const first = await startWorkerRuntime(env.deps, handlers);
    const second = await startWorkerRuntime(env.deps, handlers);
    try {
      const schedulers = await env.deps.queues.scheduler.getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toEqual(["dispatch"]);
      expect(Number(schedulers[0]?.every)).toBe(env.config.sync.dispatchEveryMs);
    } finally {
      await Promise.all([first.close(), second.close()]);
      await env.deps.queues.scheduler.removeJobScheduler("dispatch");
    }
  });

  it("lets a running job finish when it is shut down", async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    let finished = false;
    let jobId = "";
    const slowDispatch = async (_payload: unknown, ctx: { jobId: string }) => {
      jobId = ctx.jobId;
      started();
      await new Promise((resolve) => setTimeout(resolve, 700));
      finished = true;
      return { slow: true };
    };
    const runtime = await startWorkerRuntime(env.deps, { ...handlers, dispatch: slowDispatch }, { queues: ["scheduler"] });
    await enqueue(env.deps.queues, dispatchJob, {});
    await running;
    await runtime.close();
    await env.deps.queues.scheduler.removeJobScheduler("dispatch");
    expect(finished).toBe(true);
    expect(await env.deps.queues.scheduler.getJobState(jobId)).toBe("completed");
  });
});
