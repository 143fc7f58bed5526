import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const appDir = fileURLToPath(new URL("..", import.meta.url));

function run(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: appDir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = "";
  stream?.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  return () => text;
}

describe("standalone server (src/main.ts)", () => {
  it("prints its URL, seeds SIM_SCENARIO, serves, and exits cleanly on SIGTERM", async () => {
    const scenario = join(mkdtempSync(join(tmpdir(), "sim-")), "scenario.json");
    writeFileSync(
      scenario,
      JSON.stringify({ webinars: [{ startsInMinutes: 60, registrants: 3 }, { startsInMinutes: -60 }] }),
    );
    const child = run({ SIM_PORT: "0", SIM_SEED: "5", SIM_SCENARIO: scenario });
    const stdout = collect(child.stdout);
    const deadline = Date.now() + 15_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline) {
      url = /listening on (http:\/\/\S+)/.exec(stdout())?.[1];
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(url).toBeDefined();
    const webinars = (await (await fetch(`${url}/_sim/webinars`)).json()) as unknown[];
    expect(webinars).toHaveLength(2);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("refuses bad configuration with every problem and a non-zero exit", async () => {
    const child = run({ SIM_PORT: "nope", SIM_SIGNATURE_SCHEME: "md5" });
    const stderr = collect(child.stderr);
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(stderr()).toContain("SIM_PORT");
    expect(stderr()).toContain("SIM_SIGNATURE_SCHEME");
  });
});
