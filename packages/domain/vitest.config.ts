import { workspaceVitestConfig } from "@gw/testing/vitest";

// Each file makes its own database and stand-in: they share no module state, so one process
// runs them all (25 files: imports 94 s → 25 s in a loaded run).
export default workspaceVitestConfig({ isolate: false });
