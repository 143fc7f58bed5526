export { type FaultInfo, SimControl, SimControlError } from "./control/client";
export type * from "./control/types";
export { JsonNumber, num, parseLossless, stringify } from "./json/lossless";
export type { RefreshMode, SimOptions } from "./options";
export { createSim, type RunningSim, type Sim, startSim } from "./sim";
