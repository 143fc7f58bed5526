import type { UserConfig } from "vitest/config";
export function workspaceVitestConfig(overrides?: {
  include?: string[];
  testTimeout?: number;
  hookTimeout?: number;
  fileParallelism?: boolean;
  /** false: no template database (the package's tests never touch Postgres). */
  database?: boolean;
}): UserConfig;
