import type { UserConfig } from "vitest/config";
export function workspaceVitestConfig(overrides?: { include?: string[]; testTimeout?: number }): UserConfig;
