import { workspaceVitestConfig } from "@gw/testing/vitest";

export default workspaceVitestConfig();
