import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface SpawnedProcess {
  child: ChildProcess;
  output(): string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  waitForExit(timeoutMs?: number): Promise<number | null>;
  kill(): void;
}

/**
 * Runs a TypeScript entry point of the repository as a real process: Node with tsx's loader, so
 * signals reach our own handlers directly (the tsx CLI relays them through a parent process).
 */
export function spawnEntry(entry: string, env: Record<string, string>): SpawnedProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, entry)], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    async waitForOutput(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (child.exitCode !== null)
          throw new Error(`process exited (${child.exitCode}) before ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async waitForExit(timeoutMs = 30_000) {
      return Promise.race([
        exited,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`process did not exit:\n${output}`)), timeoutMs).unref(),
        ),
      ]);
    },
    kill: () => child.kill("SIGKILL"),
  };
}

/**
 * The GoTo stand-in as a process of its own, as GoTo is (its deliveries and rate limit do not
 * share the caller's event loop), on a free port; resolves once it listens.
 */
export async function spawnStandIn(env: Record<string, string> = {}): Promise<SpawnedProcess & { url: string }> {
  const port = await freePort();
  const sim = spawnEntry("apps/gotowebinar-sim/src/main.ts", { LOG_LEVEL: "warn", ...env, SIM_PORT: String(port) });
  await sim.waitForOutput(/listening on/);
  return { ...sim, url: `http://127.0.0.1:${port}` };
}
