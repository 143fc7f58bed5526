import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { consentPage } from "../src/oauth/pages";

const root = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8").replace(/\s+/g, " ");

// The demo's instructions quote the consent page and the demo script; these keep the quotes true.
describe("the READMEs on the demo", () => {
  it("name the consent page's other-organizer option as the page words it", () => {
    const html = consentPage(
      { id: "r", scope: "" } as never,
      { name: "Webinar Sync" } as never,
      [{ organizerKey: "1", firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" }] as never,
    );
    const option = /<option value="new">([^<(]+?)\s*(\(|<)/.exec(html)?.[1];
    expect(option).toBe("Someone else: a new organizer");
    for (const readme of ["README.md", "apps/gotowebinar-sim/README.md"]) {
      expect(read(readme), readme).toContain(`"${option}"`);
    }
  });

  it("tell where the demo's logs go and how to stream them, as scripts/demo.mjs does", () => {
    const demo = readFileSync(path.join(root, "scripts/demo.mjs"), "utf8");
    expect(demo).toContain('process.argv.includes("--verbose")');
    expect(demo).toContain('path.join(root, ".demo-logs")');
    const names = [...demo.matchAll(/start\("([\w-]+)", "apps\//g)].map((m) => m[1]).sort();
    expect(names).toEqual(["api", "goto-sim", "worker"]);
    const readme = read("README.md");
    expect(readme).toContain("`.demo-logs/{api,worker,goto-sim}.log`");
    expect(readme).toContain("`npm run demo -- --verbose`");
  });
});
