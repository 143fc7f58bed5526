// Flake hunt: runs `npm test` N times, each from a fresh `git clone` of one commit in a temporary
// directory (CI=true, as CI would), and reports how many runs passed and which tests failed how
// often. A test that fails in any run is a failing test.
//
//   node scripts/flake-hunt.mjs [--runs 10] [--ref HEAD] [--keep] [-- <args for npm test>]
//
// Each run's whole output goes to .flake-hunt/<started>/run-<n>.log; the summary (and a JSON
// copy in summary.json) lists per run its exit code, duration, summary line and failures, and
// summary.json each task's time too.

import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { root } from "./lib.mjs";

const separator = process.argv.indexOf("--");
const { values } = parseArgs({
  args: process.argv.slice(2, separator === -1 ? undefined : separator),
  options: {
    runs: { type: "string", default: "10" },
    ref: { type: "string", default: "HEAD" },
    keep: { type: "boolean", default: false },
  },
});
const testArgs = separator === -1 ? [] : process.argv.slice(separator + 1);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number of at least 1 (got ${values.runs})`);
  process.exit(2);
}

const git = (args, cwd = root) => {
  const result = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr.trim()}`);
  return result.stdout.trim();
};
// The clone must see the commit: a ref of this checkout is resolved to its commit id first.
const commit = git(["rev-parse", "--verify", `${values.ref}^{commit}`]);
const started = new Date().toISOString().replace(/[:.]/g, "-");
const logDir = path.join(root, ".flake-hunt", started);
mkdirSync(logDir, { recursive: true });
console.log(`flake hunt: ${runs} fresh-clone runs of npm test at ${commit.slice(0, 12)}; logs in ${logDir}`);

/** Runs one command, its output to `logFile` only; resolves with its exit code. */
function runLogged(command, args, options, logFile) {
  return new Promise((resolve) => {
    const out = createWriteStream(logFile, { flags: "a" });
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on("close", (code, signal) => out.end(() => resolve(code ?? (signal ? 128 : 1))));
  });
}

/** The summary line and failure list scripts/test.mjs prints at its end. */
function parseOutput(text) {
  const summary = [...text.matchAll(/^Tests: .*$/gm)].at(-1)?.[0] ?? null;
  const failures = [];
  const block = text.match(/\nFailures:\n((?: {2}.*\n?)+)/);
  if (block) for (const line of block[1].split("\n")) if (line.trim()) failures.push(line.trim());
  // Each check's and test task's wall time, as scripts/test.mjs lists them: which part got slower.
  const taskSeconds = {};
  const times = text.match(/\nTask times \(s\):\n((?: {2}.*\n?)+)/);
  if (times)
    for (const line of times[1].split("\n")) {
      const m = line.match(/^ {2}(.+?)\s+(\d+)$/);
      if (m) taskSeconds[m[1]] = Number(m[2]);
    }
  return { summary, failures, taskSeconds };
}

const results = [];
for (let n = 1; n <= runs; n++) {
  const dir = mkdtempSync(path.join(tmpdir(), "flake-hunt-"));
  const logFile = path.join(logDir, `run-${n}.log`);
  const t0 = Date.now();
  let exitCode;
  try {
    git(["clone", "--quiet", "--no-checkout", root, dir]);
    git(["checkout", "--quiet", commit], dir);
    exitCode = await runLogged(
      "npm",
      ["test", ...(testArgs.length ? ["--", ...testArgs] : [])],
      { cwd: dir, env: { ...process.env, CI: "true" } },
      logFile,
    );
  } catch (error) {
    writeFileSync(logFile, String(error));
    exitCode = -1;
  }
  const seconds = Math.round((Date.now() - t0) / 1000);
  const { summary, failures, taskSeconds } = parseOutput(readFileSync(logFile, "utf8"));
  const result = { run: n, exitCode, seconds, summary, failures, taskSeconds, log: path.relative(root, logFile) };
  results.push(result);
  console.log(
    `run ${n}/${runs}: ${exitCode === 0 ? "passed" : `FAILED (exit ${exitCode})`} in ${seconds} s — ${summary ?? "no summary line"}`,
  );
  for (const failure of failures) console.log(`    ${failure}`);
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}

const passed = results.filter((r) => r.exitCode === 0).length;
const byFailure = new Map();
for (const r of results) for (const f of new Set(r.failures)) byFailure.set(f, (byFailure.get(f) ?? 0) + 1);
console.log(`\nflake hunt at ${commit.slice(0, 12)}: ${passed} of ${runs} runs passed`);
for (const [failure, count] of [...byFailure].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${count}× ${failure}`);
}
writeFileSync(
  path.join(logDir, "summary.json"),
  JSON.stringify({ commit, runs, passed, results, failures: Object.fromEntries(byFailure) }, null, 2),
);
process.exit(passed === runs ? 0 : 1);
