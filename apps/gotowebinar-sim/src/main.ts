import { readFile } from "node:fs/promises";
import { parseEnv, type StandaloneConfig } from "./config";
import type { ScenarioRequest } from "./control/types";
import { startSim } from "./sim";
import { runScenario } from "./state/scenario";

/** Standalone server: `npm start -w @gw/gotowebinar-sim` (configuration in README.md). */
async function main(): Promise<void> {
  let config: StandaloneConfig;
  try {
    config = parseEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const running = await startSim({ ...config.options, port: config.port, host: config.host });
  if (config.scenarioPath) {
    const scenario = JSON.parse(await readFile(config.scenarioPath, "utf8")) as ScenarioRequest;
    const result = runScenario(running.sim.ctx, scenario);
    console.log(`Seeded ${result.webinars.length} webinars from ${config.scenarioPath}`);
  }
  const organizer = running.sim.ctx.state.organizers.get(running.sim.ctx.state.defaultOrganizerKey);
  console.log(`GoTo Webinar simulator listening on ${running.url}`);
  console.log(
    `  OAuth client ${running.sim.ctx.settings.clientId}; default organizer ${organizer?.email} (${organizer?.organizerKey})`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down`);
    await running.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
