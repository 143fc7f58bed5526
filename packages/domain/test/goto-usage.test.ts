import { createTestRedis, type TestRedis } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUsageLedger } from "../src/connectors/goto-usage";

let redis: TestRedis;

beforeAll(async () => {
  redis = await createTestRedis("usage");
});

afterAll(async () => {
  await redis?.cleanup();
});

describe("the GoTo usage ledger", () => {
  it("counts every request on one Redis client without adding a listener per request", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    const ledger = createUsageLedger({ redis: { url: redis.url, prefix: redis.prefix } });
    try {
      const connectorId = "00000000-0000-4000-8000-000000000001";
      for (let i = 0; i < 30; i++) ledger.record(connectorId, "polls", i % 10 === 0 ? 429 : 200);
      // Reads go on the same connection after the writes: once it answers, every count is in.
      const { lastHour } = await ledger.read(connectorId);
      expect(lastHour).toMatchObject({ requests: 30, rateLimited: 3, byPurpose: { polls: 30 } });
      // Node emits the warning on the next tick after the eleventh listener.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning").map((w) => w.message)).toEqual([]);
    } finally {
      process.off("warning", onWarning);
      await ledger.close();
    }
  });
});
