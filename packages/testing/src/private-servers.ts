import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./processes";

// Fault tests kill and restart Postgres and Redis: each gets servers of its own (a temporary
// data directory, a free port) so the ones every other test shares are never touched.

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** Postgres refuses to run as root: run its tools as the postgres user there. */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

export interface PrivatePostgres {
  port: number;
  /** A database URL on this server (the database is created by whoever migrates it). */
  url(database: string): string;
  start(): Promise<void>;
  /** Fast shutdown: open connections are cut, new ones refused. */
  stop(): Promise<void>;
  /** A crash: SIGKILL of the postmaster (the next start recovers from the WAL). */
  kill(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "gw-pg-"));
  const data = path.join(dir, "data");
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const run = (tool: string, args: string[]) => {
    const [command, argv] = asPostgresUser(path.join(PG_BIN, tool), args);
    execFileSync(command, argv, { stdio: "pipe" });
  };
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const pg: PrivatePostgres = {
    port,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "-t", "60", "start"]);
    },
    async stop() {
      run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    },
    async kill() {
      const pid = Number(
        execFileSync("head", ["-1", path.join(data, "postmaster.pid")])
          .toString()
          .trim(),
      );
      process.kill(pid, "SIGKILL");
      // The backends notice their postmaster is gone and exit; wait until the port is free.
      for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
        try {
          execFileSync(path.join(PG_BIN, "pg_isready"), ["-h", "127.0.0.1", "-p", String(port)], { stdio: "pipe" });
        } catch {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      rmSync(path.join(data, "postmaster.pid"), { force: true });
    },
    async destroy() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already down
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await pg.start();
  return pg;
}

export interface PrivateRedis {
  port: number;
  url: string;
  start(): Promise<void>;
  /** SIGKILL: everything in it is lost (it keeps nothing on disk). */
  kill(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const redis: PrivateRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const started = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = started;
      await new Promise<void>((resolve, reject) => {
        let output = "";
        started.stdout?.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (/Ready to accept connections/.test(output)) resolve();
        });
        started.on("exit", (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
      });
    },
    async kill() {
      const current = child;
      // Ended by a signal (our own SIGKILL before) leaves exitCode null and sets signalCode: its
      // exit event is past, so waiting for one would never end.
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = new Promise((resolve) => current.once("exit", resolve));
      current.kill("SIGKILL");
      await exited;
    },
    destroy: async () => redis.kill(),
  };
  await redis.start();
  return redis;
}
