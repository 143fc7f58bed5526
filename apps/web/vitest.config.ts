import { fileURLToPath } from "node:url";
import { workspaceVitestConfig } from "@gw/testing/vitest";

// The browser tests drive the real stack (API, worker, GoTo stand-in) in Debian's Chromium.
const config = workspaceVitestConfig({ include: ["e2e/**/*.test.ts", "src/**/*.test.ts"], testTimeout: 120_000 });
const test = config.test ?? {};
const shared = Array.isArray(test.globalSetup) ? test.globalSetup : test.globalSetup ? [test.globalSetup] : [];
// One browser stack at a time per vitest process: each file starts API, worker, sim and Chromium.
// `npm test` runs the files as two shards side by side (scripts/test.mjs), so two at most.
config.test = {
  ...test,
  globalSetup: [...shared, fileURLToPath(new URL("./e2e/build-ui.ts", import.meta.url))],
  fileParallelism: false,
};

export default config;
