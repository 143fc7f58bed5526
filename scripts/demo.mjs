// `npm run demo`: the whole product on this machine — the GoTo Webinar stand-in, the API (which
// also serves the web UI), the worker, and demo data. setup.mjs has run before this.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEMO_EMAIL, DEMO_PASSWORD } from "./demo-login.mjs";
import { log, root, run, startChild } from "./lib.mjs";

// `npm run demo -- --verbose` streams every process's log to the terminal; by default each
// process logs to a file of its own so the terminal shows the demo's own messages only.
const verbose = process.argv.includes("--verbose") || process.env.DEMO_VERBOSE === "true";
const logDir = path.join(root, ".demo-logs");

const apiPort = process.env.PORT ?? "3000";
const simPort = process.env.SIM_PORT ?? "4100";
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${apiPort}`;
const simUrl = `http://127.0.0.1:${simPort}`;
const tsx = path.join(root, "node_modules/.bin/tsx");

// The demo talks to the stand-in exactly as production talks to GoTo: only the URLs differ.
const env = {
  PORT: apiPort,
  // The demo runs with the built-in development secrets: this machine only, unless HOST says otherwise.
  HOST: process.env.HOST ?? "127.0.0.1",
  PUBLIC_URL: publicUrl,
  DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/webinar_sync_demo",
  REDIS_PREFIX: process.env.REDIS_PREFIX ?? "gw-demo",
  GOTO_AUTH_URL: simUrl,
  GOTO_API_URL: `${simUrl}/G2W/rest/v2`,
  GOTO_IDENTITY_URL: simUrl,
  GOTO_CLIENT_ID: "demo-client",
  GOTO_CLIENT_SECRET: "demo-secret",
  SIM_PORT: simPort,
  // Same keys on every start, so the demo database and a restarted stand-in still agree.
  SIM_SEED: process.env.SIM_SEED ?? "20260101",
  // The stand-in runs on this machine, so it can deliver webhooks to a loopback PUBLIC_URL.
  WEBHOOKS_ALLOW_LOOPBACK: process.env.WEBHOOKS_ALLOW_LOOPBACK ?? "true",
  // A snappier dispatcher than production's default, so the demo fills up within seconds.
  DISPATCH_EVERY_MS: process.env.DISPATCH_EVERY_MS ?? "2000",
};

log("migrating the demo database");
run(tsx, ["packages/db/src/cli/migrate.ts"], { env: { ...process.env, ...env } });
if (existsSync(path.join(root, "apps/web/vite.config.ts"))) {
  log("building the web UI");
  run("npm", ["run", "build", "-w", "@gw/web"], { stdio: ["ignore", "ignore", "inherit"] });
}

mkdirSync(logDir, { recursive: true });
const logFileOf = (name) => path.join(logDir, `${name}.log`);
const start = (name, entry, extraEnv = {}) => {
  if (!verbose) writeFileSync(logFileOf(name), "");
  const child = startChild(
    name,
    process.execPath,
    ["--import", "tsx", entry],
    { ...env, ...extraEnv },
    {
      logFile: verbose ? undefined : logFileOf(name),
    },
  );
  child.demoName = name;
  return child;
};
const children = [
  start("goto-sim", "apps/gotowebinar-sim/src/main.ts"),
  start("api", "apps/api/src/main.ts", { MIGRATE_ON_START: "false" }),
  start("worker", "apps/worker/src/main.ts", { MIGRATE_ON_START: "false" }),
];

const seed = path.join(root, "scripts/seed-demo.ts");
if (existsSync(seed)) {
  // The seed waits for the API itself and drives it over HTTP like a browser would.
  log("loading demo data (webinars in the stand-in, admin login, verified connector, form)");
  const seeded = spawnSync(tsx, [seed], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env, LOG_LEVEL: "warn", SIM_URL: simUrl },
  });
  if (seeded.status !== 0) console.error("\n  The demo data could not be loaded (see above); the app runs without it.");
}

console.log(`
  Webinar Sync demo is running: open ${publicUrl} and log in with the demo login above.
    App (web UI + API):  ${publicUrl}
    Queue dashboard:     ${publicUrl}/admin/queues
    API docs (OpenAPI):  ${publicUrl}/docs
    Readiness:           ${publicUrl}/readyz
    GoTo stand-in:       ${simUrl}  (its consent page lets you sign in as another organizer)

  Log in with:  ${DEMO_EMAIL}  /  ${DEMO_PASSWORD}
  Logs:         ${verbose ? "streamed above (--verbose)" : `${path.relative(process.cwd(), logDir)}/{api,worker,goto-sim}.log  (npm run demo -- --verbose streams them here)`}
  Ctrl-C stops everything.
`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) {
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`the demo's ${child.demoName} process exited (${code}); stopping the rest`);
      if (!verbose) {
        const tail = readFileSync(logFileOf(child.demoName), "utf8").trimEnd().split("\n").slice(-20).join("\n");
        console.error(`last lines of ${path.relative(process.cwd(), logFileOf(child.demoName))}:\n${tail}`);
      }
      stop();
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(stopping ? 0 : 1);
  });
}
