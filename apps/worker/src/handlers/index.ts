import { handleDispatch } from "./dispatch";
import type { JobHandlers } from "./types";

export const handlers: JobHandlers = {
  dispatch: handleDispatch,
};
