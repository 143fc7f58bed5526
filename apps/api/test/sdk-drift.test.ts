import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generateSdkTypes, SDK_TYPES_PATH } from "../src/cli/sdk-types";

const committedPath = new URL(`../../../${SDK_TYPES_PATH}`, import.meta.url);

/** The first line where two texts part, with a little context, so the failure says what moved. */
function firstDifference(committed: string, current: string) {
  const a = committed.split("\n");
  const b = current.split("\n");
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? Math.min(a.length, b.length) : line;
  return { line: at + 1, committed: a.slice(at, at + 5), generated: b.slice(at, at + 5) };
}

describe("the SDK's generated types", () => {
  it("equal what the API's OpenAPI document generates now (else run `npm run sdk:generate`)", async () => {
    const [committed, current] = await Promise.all([readFile(committedPath, "utf8"), generateSdkTypes()]);
    if (committed !== current)
      expect.fail(
        `${SDK_TYPES_PATH} is stale: run \`npm run sdk:generate\` and commit it.\n` +
          JSON.stringify(firstDifference(committed, current), null, 2),
      );
  }, 120_000);
});
