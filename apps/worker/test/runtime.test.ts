import { dispatchJob, enqueue, jobCatalog } from "@gw/queues";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlers } from "../src/handlers";
import type { JobContext } from "../src/handlers/types";
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
    expect(() => assertHandlersCoverCatalog({ ...handlers, ghost: async () => undefined })).toThrow(
      /unknown job ghost/,
    );
    expect(() => assertHandlersCoverCatalog(handlers)).not.toThrow();
  });

  it("registers the dispatcher as a BullMQ job scheduler, once however many workers start", async () => {
    const first = await startWorkerRuntime(env.deps, handlers);
    const second = await startWorkerRuntime(env.deps, handlers);
    try {
      const schedulers = await env.deps.queues.scheduler.getJobSchedulers();
      const dispatch = schedulers.filter((s) => s.key === "dispatch");
      expect(dispatch).toHaveLength(1);
      expect(Number(dispatch[0]?.every)).toBe(env.config.sync.dispatchEveryMs);
      // Every periodic job of the catalog has exactly one scheduler in its queue.
      for (const job of jobCatalog.filter((j) => "every" in j && j.every)) {
        const keys = (await env.deps.queues[job.queue].getJobSchedulers()).map((s) => s.key);
        expect(keys.filter((key) => key === job.name)).toHaveLength(1);
      }
    } finally {
      await Promise.all([first.close(), second.close()]);
      await env.deps.queues.scheduler.removeJobScheduler("dispatch");
    }
  });

  it("puts its periodic jobs back when Redis lost them (a flush) without a restart", async () => {
    const runtime = await startWorkerRuntime(env.deps, handlers, {
      queues: ["scheduler"],
      reassertSchedulersEveryMs: 200,
    });
    try {
      await env.deps.queues.scheduler.removeJobScheduler("dispatch");
      expect((await env.deps.queues.scheduler.getJobSchedulers()).map((s) => s.key)).not.toContain("dispatch");
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect((await env.deps.queues.scheduler.getJobSchedulers()).map((s) => s.key)).toContain("dispatch");
    } finally {
      await runtime.close();
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
    const runtime = await startWorkerRuntime(
      env.deps,
      { ...handlers, dispatch: slowDispatch },
      { queues: ["scheduler"] },
    );
    await enqueue(env.deps.queues, dispatchJob, {});
    await running;
    await runtime.close();
    await env.deps.queues.scheduler.removeJobScheduler("dispatch");
    expect(finished).toBe(true);
    expect(await env.deps.queues.scheduler.getJobState(jobId)).toBe("completed");
  });

  it("hands a job still running past the shutdown grace period back to the queue, its signal aborted", async () => {
    const graceEnv = await createTestWorkerEnv("runtimegrace", { WORKER_SHUTDOWN_GRACE_MS: "300" });
    let aborted = false;
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    // Ignores its signal on purpose: the hand-back must not depend on the handler's manners.
    const stuckDispatch = async (_payload: unknown, ctx: JobContext) => {
      ctx.signal.addEventListener("abort", () => {
        aborted = true;
      });
      started();
      await new Promise(() => undefined);
    };
    try {
      const runtime = await startWorkerRuntime(
        graceEnv.deps,
        { ...handlers, dispatch: stuckDispatch },
        { queues: ["scheduler"] },
      );
      await graceEnv.deps.queues.scheduler.removeJobScheduler("dispatch");
      await graceEnv.deps.queues.scheduler.removeJobScheduler("close-abandoned-sync-runs");
      const job = await enqueue(graceEnv.deps.queues, dispatchJob, {});
      await running;
      await runtime.close();
      expect(aborted).toBe(true);
      expect(await graceEnv.deps.queues.scheduler.getJobState(job.id!)).toBe("waiting");
    } finally {
      await graceEnv.close();
    }
  });
});
