// Plain JavaScript: vitest loads config files with Node, which cannot import TypeScript
// from another workspace package.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { UnhandledErrorsReporter } from "./unhandled-errors-reporter.js";

/**
 * The vitest settings every workspace shares: real servers, so generous timeouts and forks, and
 * a JSON report per workspace when `npm test` collects them for its summary line.
 */
export function workspaceVitestConfig(overrides = {}) {
  const reportDir = process.env.GW_TEST_REPORT_DIR;
  // scripts/test.mjs names each shard's report; run by hand, a workspace's report is its own.
  const name = process.env.GW_TEST_REPORT_NAME ?? (process.env.npm_package_name ?? "pkg").replace(/\W/g, "_");
  return defineConfig({
    test: {
      include: overrides.include ?? ["test/**/*.test.ts", "src/**/*.test.ts"],
      // Packages that never touch Postgres skip making the template database.
      globalSetup:
        overrides.database === false ? [] : [fileURLToPath(new URL("./src/global-setup.ts", import.meta.url))],
      testTimeout: overrides.testTimeout ?? 30_000,
      hookTimeout: overrides.hookTimeout ?? 120_000,
      // expect.poll waits for a state; vitest's default deadline (1 s) is a wait for time: on the
      // loaded machine a page's refetch after a save took longer (two browser tests failed on it in
      // a fresh-clone run at load 30). The same deadline as a Playwright locator's (harness.ts).
      expect: { poll: { timeout: 15_000 } },
      ...(overrides.fileParallelism === false ? { fileParallelism: false } : {}),
      pool: "forks",
      // isolate false: a worker process runs file after file with the modules it imported
      // already loaded (the app, Prisma's query compiler, BullMQ: seconds of CPU per file). For
      // workspaces whose files share no module state: each makes its database, Redis prefix,
      // servers and clients in its own hooks and closes them.
      isolate: overrides.isolate ?? true,
      reporters: reportDir
        ? ["default", "json", new UnhandledErrorsReporter(`${reportDir}/${name}.unhandled.json`)]
        : ["default"],
      outputFile: reportDir ? { json: `${reportDir}/${name}.json` } : undefined,
    },
  });
}
