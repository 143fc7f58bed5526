export { SimControl, SimControlError, type FaultInfo } from "./control/client";
export type * from "./control/types";
export { parseLossless, stringify, JsonNumber, num } from "./json/lossless";
export type { RefreshMode, SimOptions } from "./options";
export { createSim, startSim, type RunningSim, type Sim } from "./sim";
