import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL(".", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

// The UI takes its types from the API contract; its Zod schemas (and Zod itself) must never
// reach the browser bundle, so every import of it is type-only.
describe("the web app and the API contract", () => {
  it("imports only types from @gw/api-contract", () => {
    const files = sourceFiles(SRC);
    const offenders = files.flatMap((file) => {
      const source = readFileSync(file, "utf8");
      const imports = [...source.matchAll(/import\s+([^;]*?)\s+from\s+["']@gw\/api-contract["']/g)];
      return imports
        .filter(([, clause]) => !clause!.startsWith("type "))
        .map(([statement]) => `${file.slice(SRC.length)}: ${statement}`);
    });
    expect(files.some((file) => readFileSync(file, "utf8").includes("@gw/api-contract"))).toBe(true);
    expect(offenders).toEqual([]);
  });
});
