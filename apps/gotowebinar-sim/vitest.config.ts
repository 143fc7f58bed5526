import { workspaceVitestConfig } from "@gw/testing/vitest";

export default workspaceVitestConfig({
  include: ["test/**/*.test.ts"],
  database: false,
  testTimeout: 20_000,
  hookTimeout: 20_000,
});
