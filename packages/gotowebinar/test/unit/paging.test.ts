import { describe, expect, it } from "vitest";
import { collectPages } from "../../src/http/paging";
import type { GotoLogger } from "../../src/types/options";

function recordingLogger() {
  const warnings: { obj: object; msg?: string }[] = [];
  const log: GotoLogger = { debug() {}, info() {}, error() {}, warn: (obj, msg) => warnings.push({ obj, msg }) };
  return { log, warnings };
}

describe("collectPages", () => {
  it("follows pages until the server reports no more", async () => {
    const { log, warnings } = recordingLogger();
    const result = await collectPages(async (page) => ({ items: [page], hasMore: page < 2 }), {
      maxPages: 10,
      log,
      context: {},
    });
    expect(result).toEqual({ items: [0, 1, 2], pages: 3, capped: false });
    expect(warnings).toHaveLength(0);
  });

  it("stops at the cap and warns that the list is incomplete", async () => {
    const { log, warnings } = recordingLogger();
    const result = await collectPages(async (page) => ({ items: [page], hasMore: true }), {
      maxPages: 4,
      log,
      context: { list: "registrants" },
    });
    expect(result.capped).toBe(true);
    expect(result.items).toEqual([0, 1, 2, 3]);
    expect(warnings[0]?.obj).toMatchObject({ list: "registrants", maxPages: 4, fetched: 4 });
  });
});
