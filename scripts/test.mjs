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
// turbo's run summary records each workspace's exit code: a workspace can fail with no failed
// test in its report (an unhandled error, a crash before the report was written).
const runsDir = path.join(root, ".turbo/runs");
const earlierRuns = new Set(existsSync(runsDir) ? readdirSync(runsDir) : []);
const tests = spawnSync(
  bin("turbo"),
  ["run", "test", "--concurrency=2", "--continue", "--summarize", ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env: { ...process.env, GW_TEST_REPORT_DIR: reportDir } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const reports = readdirSync(reportDir).filter((f) => f.endsWith(".json"));
for (const file of reports.filter((f) => !f.endsWith(".unhandled.json"))) {
  const report = JSON.parse(readFileSync(path.join(reportDir, file), "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (report.success === false && !report.numFailedTests) failed += 1; // a file that failed to load
  for (const result of report.testResults ?? []) {
    for (const test of result.assertionResults ?? []) {
      if (test.status === "failed") failures.push(`${path.relative(root, result.name)} > ${test.fullName}`);
    }
    if (result.status === "failed" && !(result.assertionResults ?? []).some((t) => t.status === "failed"))
      failures.push(`${path.relative(root, result.name)}: ${result.message || "failed to run"}`);
  }
}
let unhandled = 0;
for (const file of reports.filter((f) => f.endsWith(".unhandled.json"))) {
  const { unhandledErrors = [] } = JSON.parse(readFileSync(path.join(reportDir, file), "utf8"));
  unhandled += unhandledErrors.length;
  for (const error of unhandledErrors)
    failures.push(
      `unhandled ${error.name}: ${error.message}${error.origin ? ` (during ${path.relative(root, error.origin)})` : ""}`,
    );
}
const failedWorkspaces = [];
const summaryFile = existsSync(runsDir) ? readdirSync(runsDir).find((f) => !earlierRuns.has(f)) : undefined;
if (summaryFile) {
  const summary = JSON.parse(readFileSync(path.join(runsDir, summaryFile), "utf8"));
  for (const task of summary.tasks ?? []) if (task.execution?.exitCode) failedWorkspaces.push(task.package);
  rmSync(path.join(runsDir, summaryFile), { force: true });
}

const counts = [`${passed} passed`, `${failed} failed`];
if (skipped) counts.push(`${skipped} skipped`);
if (unhandled) counts.push(`${unhandled} unhandled ${unhandled === 1 ? "error" : "errors"}`);
if (failedWorkspaces.length) counts.push(`workspaces failed: ${failedWorkspaces.join(", ")}`);
if (failures.length) console.log(`\nFailures:\n${failures.map((f) => `  ${f}`).join("\n")}`);
console.log(`\nTests: ${counts.join(", ")}`);
const ok = tests.status === 0 && failed === 0 && unhandled === 0 && failedWorkspaces.length === 0;
process.exit(ok ? 0 : 1);
