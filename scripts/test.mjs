// `npm test`: lint, typecheck and every workspace's tests (real Postgres, Redis, the GoTo
// stand-in and Chromium), then one summary line. setup.mjs has run before this.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { isRoot, log, root, run } from "./lib.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  if (!isRoot()) {
    console.error(
      `Chromium is missing at ${CHROMIUM}: install Debian's chromium package (browser tests need it), or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
  log("installing Debian's chromium for the browser tests");
  run("apt-get", ["update", "-qq"], { stdio: ["ignore", "ignore", "inherit"] });
  run("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

const bin = (name) => path.join(root, "node_modules/.bin", name);
log("lint and format (biome check)");
run(bin("biome"), ["check", "."]);
log("typecheck");
run(bin("turbo"), ["run", "typecheck", "--output-logs=errors-only"]);

const reportDir = path.join(root, ".test-reports");
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });
log("tests");
const tests = spawnSync(bin("turbo"), ["run", "test", "--concurrency=2", "--continue", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, GW_TEST_REPORT_DIR: reportDir },
});

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(reportDir).filter((f) => f.endsWith(".json"))) {
  const report = JSON.parse(readFileSync(path.join(reportDir, file), "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (report.success === false && !report.numFailedTests) failed += 1; // a file that failed to load
}
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(tests.status === 0 && failed === 0 ? 0 : 1);
