// `npm test`: lint, typecheck and every workspace's tests (real Postgres, Redis, the GoTo
// stand-in and Chromium), then one summary line. setup.mjs has run before this.
//
//   node scripts/test.mjs [--only @gw/api,@gw/web] [--slots 2]
//
// The checks (biome, the two TypeScript programs) run beside the tests rather than before them:
// the tests' start-ups wait on Postgres and Redis more than they use a core. The tests are
// scheduled here, not by turbo: the slowest tasks start first and the browser tests are split in
// two shards, so both of the machine's cores stay busy to the end instead of one workspace
// running alone for minutes (turbo picks tasks in graph order and knows nothing of durations).

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { forwardLines, isRoot, log, root, run } from "./lib.mjs";

const { values: options } = parseArgs({
  options: {
    only: { type: "string" },
    slots: { type: "string", default: process.env.GW_TEST_SLOTS ?? "2" },
  },
});
const slots = Number(options.slots);
if (!Number.isInteger(slots) || slots < 1) {
  console.error(`--slots must be a whole number of at least 1 (got ${options.slots})`);
  process.exit(2);
}

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

/**
 * How the test tasks are cut and ordered. `minutes`: each workspace's tests alone in a fresh-clone
 * run on the loaded two-core machine (2026-12-01: API 26, browser 29, worker 8, domain 7); only the
 * order they give matters. `shards` splits a workspace's files with vitest's --shard. A workspace
 * missing here runs last, as a short one.
 */
const PLAN = {
  "@gw/web": { minutes: 29, shards: 2 },
  "@gw/api": { minutes: 26, shards: 2 },
  "@gw/worker": { minutes: 8 },
  "@gw/domain": { minutes: 7 },
  "@gw/gotowebinar-sim": { minutes: 1.3 },
  "@gw/gotowebinar": { minutes: 1.1 },
  "@gw/db": { minutes: 1 },
  "@gw/queues": { minutes: 0.3 },
};

const bin = (name) => path.join(root, "node_modules/.bin", name);
const workspaces = () => {
  const { workspaces: globs } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const dirs = globs.flatMap((glob) => {
    const parent = glob.replace(/\/\*$/, "");
    return readdirSync(path.join(root, parent)).map((name) => path.join(parent, name));
  });
  return dirs
    .filter((dir) => existsSync(path.join(root, dir, "package.json")))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(path.join(root, dir, "package.json"), "utf8")) }))
    .filter(({ pkg }) => pkg.scripts?.test);
};

/** Runs a command; resolves with its exit code and wall time. `quiet`: output kept, not streamed. */
function start(label, command, args, { cwd = root, env = {}, quiet = false } = {}) {
  const t0 = Date.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  if (quiet) {
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
  } else {
    forwardLines(child.stdout, process.stdout, `${label}: `);
    forwardLines(child.stderr, process.stderr, `${label}: `);
  }
  return new Promise((resolve) =>
    child.on("close", (code, signal) =>
      resolve({ label, code: code ?? (signal ? 128 : 1), seconds: (Date.now() - t0) / 1000, output }),
    ),
  );
}

const t0 = Date.now();
log("lint and format (biome check) and typecheck, beside the tests");
const checks = Promise.all([
  start("biome", bin("biome"), ["check", "."], { quiet: true }),
  // Every Node workspace and the browser tests share one program (their options are the same);
  // the web app (DOM, JSX) is the other. Per workspace: `npx tsc -p <workspace>/tsconfig.json`.
  start("typecheck", bin("tsc"), ["-p", "tsconfig.typecheck.json", "--noEmit"], { quiet: true }),
  start("typecheck web", bin("tsc"), ["-p", "apps/web/tsconfig.json", "--noEmit"], { quiet: true }),
]).then((results) => {
  for (const r of results) {
    const status = r.code === 0 ? "passed" : `FAILED (exit ${r.code})`;
    log(`${r.label} ${status} in ${r.seconds.toFixed(0)} s`);
    if (r.code !== 0) process.stdout.write(r.output);
  }
  return results;
});

const reportDir = path.join(root, ".test-reports");
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const only = options.only ? new Set(options.only.split(",")) : null;
const tasks = [];
for (const { dir, pkg } of workspaces()) {
  if (only && !only.has(pkg.name)) continue;
  const plan = PLAN[pkg.name] ?? { minutes: 0 };
  const shards = plan.shards ?? 1;
  for (let shard = 1; shard <= shards; shard++) {
    const suffix = shards > 1 ? `_${shard}of${shards}` : "";
    tasks.push({
      name: shards > 1 ? `${pkg.name} ${shard}/${shards}` : pkg.name,
      dir,
      weight: plan.minutes / shards,
      args: shards > 1 ? ["--", `--shard=${shard}/${shards}`] : [],
      reportName: `${pkg.name.replace(/\W/g, "_")}${suffix}`,
    });
  }
}
tasks.sort((a, b) => b.weight - a.weight);
log(`tests: ${tasks.length} tasks, ${slots} at a time, longest first`);

const queue = [...tasks];
const results = [];
async function slot() {
  for (let task = queue.shift(); task; task = queue.shift()) {
    const result = await start(`${task.name}:test`, "npm", ["run", "--silent", "test", ...task.args], {
      cwd: path.join(root, task.dir),
      env: { GW_TEST_REPORT_DIR: reportDir, GW_TEST_REPORT_NAME: task.reportName },
    });
    results.push({ ...result, name: task.name });
  }
}
await Promise.all(Array.from({ length: slots }, slot));
const checkResults = await checks;

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
// A task can fail with no failed test in its report (an unhandled error, a crash before the
// report was written): its exit code says so.
const failedTasks = results.filter((r) => r.code !== 0).map((r) => r.name);
const failedChecks = checkResults.filter((r) => r.code !== 0).map((r) => r.label);

console.log("\nTask times (s):");
for (const r of [...checkResults, ...results])
  console.log(`  ${(r.name ?? r.label).padEnd(28)} ${r.seconds.toFixed(0)}`);
const counts = [`${passed} passed`, `${failed} failed`];
if (skipped) counts.push(`${skipped} skipped`);
if (unhandled) counts.push(`${unhandled} unhandled ${unhandled === 1 ? "error" : "errors"}`);
if (failedTasks.length) counts.push(`workspaces failed: ${failedTasks.join(", ")}`);
if (failedChecks.length) counts.push(`checks failed: ${failedChecks.join(", ")}`);
if (failures.length) console.log(`\nFailures:\n${failures.map((f) => `  ${f}`).join("\n")}`);
console.log(`\nTests: ${counts.join(", ")} (${Math.round((Date.now() - t0) / 1000)} s)`);
const ok = failed === 0 && unhandled === 0 && failedTasks.length === 0 && failedChecks.length === 0;
process.exit(ok ? 0 : 1);
