import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL(".", import.meta.url));
const CONTRACT = fileURLToPath(new URL("../../../packages/api-contract/", import.meta.url));

/**
 * The contract's entry points the browser may take values from, and their files: each imports
 * nothing but zod (no examples, nothing server-only), so the bundle gains Zod and those schemas only.
 */
const BROWSER_SAFE: Record<string, string> = { "@gw/api-contract/forms": "src/form-input.ts" };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The imports of the contract in `source` that take values from an entry point not listed as browser-safe. */
export function valueImportsOfContract(source: string): string[] {
  const imports = [...source.matchAll(/import\s+([^;]*?)\s+from\s+["'](@gw\/api-contract(?:\/[\w-]+)?)["']/g)];
  return imports
    .filter(([, clause, specifier]) => !clause!.startsWith("type ") && !(specifier! in BROWSER_SAFE))
    .map(([statement]) => statement);
}

// The UI takes its types from the API contract; its schemas (and Zod) reach the browser bundle only
// through the browser-safe entry points above, which the form editor validates with.
describe("the web app and the API contract", () => {
  it("imports only types from @gw/api-contract, values only from its browser-safe entry points", () => {
    const files = sourceFiles(SRC);
    const offenders = files.flatMap((file) =>
      valueImportsOfContract(readFileSync(file, "utf8")).map((statement) => `${file.slice(SRC.length)}: ${statement}`),
    );
    expect(files.some((file) => readFileSync(file, "utf8").includes("@gw/api-contract"))).toBe(true);
    expect(offenders).toEqual([]);
  });

  it("refuses a value import from the root or another entry point, and allows one from a browser-safe one", () => {
    expect(valueImportsOfContract(`import { formView } from "@gw/api-contract";`)).toHaveLength(1);
    expect(valueImportsOfContract(`import { type Form, formView } from "@gw/api-contract";`)).toHaveLength(1);
    expect(valueImportsOfContract(`import { examples } from "@gw/api-contract/examples";`)).toHaveLength(1);
    expect(valueImportsOfContract(`import type { Form } from "@gw/api-contract";`)).toEqual([]);
    expect(valueImportsOfContract(`import { formInputSchema } from "@gw/api-contract/forms";`)).toEqual([]);
  });

  it("keeps each browser-safe entry point to zod alone", () => {
    const exports = JSON.parse(readFileSync(join(CONTRACT, "package.json"), "utf8")).exports as Record<string, string>;
    for (const [specifier, file] of Object.entries(BROWSER_SAFE)) {
      expect(exports[specifier.replace("@gw/api-contract", ".")]).toBe(`./${file}`);
      const source = readFileSync(join(CONTRACT, file), "utf8");
      const imported = [...source.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g)].map(
        ([, from]) => from,
      );
      expect(imported, specifier).toEqual(["zod"]);
    }
  });
});
