import { type RunningSim, type SimOptions, startSim } from "@gw/gotowebinar-sim";
import { fixture, simEnv } from "@gw/testing";
import { type TestApi, useTestApi } from "./helpers";

// The stand-in's settings are shared with the worker's tests: they live in @gw/testing.
export { simEnv } from "@gw/testing";

/** A GoTo stand-in on a free port as the file's fixture; declare it before the API that points at it. */
export function useSim(options: SimOptions = {}): RunningSim {
  return fixture(
    () => startSim({ port: 0, ...options }),
    (sim) => sim.close(),
  );
}

/** The stand-in and an API pointed at it, as the file's fixtures (the stand-in made first). */
export function useApiOverSim(label: string): { sim: RunningSim; api: TestApi } {
  const sim = useSim();
  return { sim, api: useTestApi(label, () => simEnv(sim)) };
}
