import { workspaceVitestConfig } from "@gw/testing/vitest";

// `npm run test:faults`: each file brings its own Postgres, Redis, stand-in and worker process and
// kills them; one file at a time, so recovery times are not measured against each other.
export default workspaceVitestConfig({
  include: ["faults/**/*.test.ts"],
  database: false,
  fileParallelism: false,
  testTimeout: 300_000,
  hookTimeout: 180_000,
});
