import { workspaceVitestConfig } from "@gw/testing/vitest";

// Two cores: contract files each start a stand-in server; run files one after another.
export default workspaceVitestConfig({
  include: ["test/**/*.test.ts"],
  database: false,
  hookTimeout: 60_000,
  fileParallelism: false,
});
