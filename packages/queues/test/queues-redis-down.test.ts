import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { createQueues, createRedis } from "../src";

/** Nothing listens on port 1: every connection attempt is refused. */
const DEAD_REDIS = "redis://127.0.0.1:1";

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);

afterEach(() => {
  process.off("unhandledRejection", record);
  unhandled.length = 0;
});

describe("producer queues when Redis is down", () => {
  it("fail the add and close without leaving a rejection behind, even mid-connection-attempt", async () => {
    process.on("unhandledRejection", record);
    const connection = createRedis(DEAD_REDIS, "producer");
    connection.on("error", () => undefined);
    const queues = createQueues(connection, "down");

    await expect(queues.webhooks.add("event", {})).rejects.toThrow(/max retries|ECONNREFUSED|closed/i);
    // The case that used to leak: shut down while ioredis is in the middle of a reconnection
    // attempt, so the connection ends (with its last error) after the queues were closed.
    if (connection.status !== "connecting") await once(connection, "connecting");
    await queues.close();
    const ended = once(connection, "end");
    connection.disconnect();
    await ended;
    // Unhandled rejections are reported once the microtasks of the turn that made them have run.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));

    expect(unhandled).toEqual([]);
  });
});
