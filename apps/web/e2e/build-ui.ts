// vitest globalSetup: the browser tests run against the production build that the API serves,
// so build it once per run when it is missing or older than any of its sources.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const builtIndex = path.join(webRoot, "dist", "index.html");

function newestSource(): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  visit(path.join(webRoot, "src"));
  visit(path.join(webRoot, "public"));
  for (const file of ["index.html", "vite.config.ts", "package.json"])
    newest = Math.max(newest, statSync(path.join(webRoot, file)).mtimeMs);
  return newest;
}

const isFresh = () => existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource();

/** Whether the process that took the build lock is gone (it crashed mid-build). */
function lockIsStale(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(path.join(lock, "pid"), "utf8")), 0);
    return false;
  } catch {
    return true;
  }
}

export default async function buildUi(): Promise<void> {
  if (isFresh()) return;
  // The browser tests run as two shards side by side (scripts/test.mjs): one builds, the other
  // waits for that build instead of writing the same dist/ at the same time.
  const lock = path.join(webRoot, ".build-ui.lock");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(path.join(lock, "pid")) && lockIsStale(lock)) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    writeFileSync(path.join(lock, "pid"), String(process.pid));
    if (isFresh()) return;
    const { build } = await import("vite");
    await build({
      root: webRoot,
      configFile: path.join(webRoot, "vite.config.ts"),
      logLevel: "warn",
      mode: "production",
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
