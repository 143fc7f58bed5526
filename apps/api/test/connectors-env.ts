import { type RunningSim, type SimOptions, startSim } from "@gw/gotowebinar-sim";
import { fixture } from "@gw/testing";

// The stand-in's settings are shared with the worker's tests: they live in @gw/testing.
export { simEnv } from "@gw/testing";

/** A GoTo stand-in on a free port as the file's fixture; declare it before the API that points at it. */
export function useSim(options: SimOptions = {}): RunningSim {
  return fixture(
    () => startSim({ port: 0, ...options }),
    (sim) => sim.close(),
  );
}
