import type { UserConfig } from "vitest/config";
export function workspaceVitestConfig(overrides?: {
  include?: string[];
  testTimeout?: number;
  hookTimeout?: number;
  fileParallelism?: boolean;
  /** false: files run one after another in a process that keeps its imported modules. */
  isolate?: boolean;
  /** false: no template database (the package's tests never touch Postgres). */
  database?: boolean;
}): UserConfig;
