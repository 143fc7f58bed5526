// vitest globalSetup: the browser tests run against the production build that the API serves,
// so build it once per run when it is missing or older than any of its sources.
import { existsSync, readdirSync, statSync } from "node:fs";
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

export default async function buildUi(): Promise<void> {
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource()) return;
  const { build } = await import("vite");
  await build({
    root: webRoot,
    configFile: path.join(webRoot, "vite.config.ts"),
    logLevel: "warn",
    mode: "production",
  });
}
