// Everything a fresh clone needs before it can run or test: dependencies, the Prisma client,
// and reachable Postgres and Redis. Idempotent and quick when nothing changed.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { canConnect, isRoot, log, onChange, root, run } from "./lib.mjs";

// `npm install`, not `npm ci`: with this machine kind's npm settings (lockfiles without
// resolved URLs) npm 11 leaves other platforms' optional packages out of the lockfile and
// `npm ci` then refuses it as out of sync. The lockfile still pins every version.
const installed = existsSync(path.join(root, "node_modules", ".bin", "turbo"));
if (!installed) rmSync(path.join(root, "node_modules/.gw-install-stamp"), { force: true });
onChange("node_modules/.gw-install-stamp", ["package-lock.json"], () => {
  log(installed ? "package-lock.json changed: installing dependencies" : "installing dependencies");
  run("npm", ["install", "--no-audit", "--no-fund"]);
});
const generated = path.join(root, "packages/db/src/generated/prisma/client.ts");
if (!existsSync(generated)) rmSync(path.join(root, "node_modules/.gw-prisma-stamp"), { force: true });
onChange("node_modules/.gw-prisma-stamp", ["prisma/schema.prisma", "package-lock.json"], () => {
  log("generating the Prisma client");
  run(path.join(root, "node_modules/.bin/prisma"), ["generate"], { stdio: ["ignore", "ignore", "inherit"] });
});

// On this project's machines Postgres and Redis run already; restart them if they stopped.
const services = [
  {
    name: "PostgreSQL",
    host: "127.0.0.1",
    port: 5432,
    start: ["sh", ["-c", "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -1) main start"]],
  },
  {
    name: "Redis",
    host: "127.0.0.1",
    port: 6379,
    start: [
      "redis-server",
      ["--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379", "--save", "", "--appendonly", "no"],
    ],
  },
];
const wantsLocal = (url, port) =>
  !url || (new URL(url).hostname.match(/^(127\.0\.0\.1|localhost)$/) && Number(new URL(url).port || port) === port);
for (const service of services) {
  const url = service.port === 5432 ? process.env.DATABASE_URL : process.env.REDIS_URL;
  if (!wantsLocal(url, service.port) || (await canConnect(service.host, service.port))) continue;
  if (isRoot()) {
    log(`${service.name} is not answering on ${service.host}:${service.port}: starting it`);
    run(service.start[0], service.start[1], { stdio: "ignore" });
  }
  if (!(await canConnect(service.host, service.port, 5000))) {
    console.error(
      `${service.name} is not reachable on ${service.host}:${service.port}. Start it, or set ${service.port === 5432 ? "DATABASE_URL" : "REDIS_URL"}.`,
    );
    process.exit(1);
  }
}
