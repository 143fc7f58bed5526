import { workspaceVitestConfig } from "@gw/testing/vitest";

export default workspaceVitestConfig({ include: ["test/**/*.test.ts"], database: false });
