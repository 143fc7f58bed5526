import type { SimClock } from "./clock";
import type { Settings } from "./options";
import type { SimState } from "./state/store";
import type { EventName } from "./state/types";

/** Where domain changes announce webhook events; the dispatcher decides who receives them. */
export interface EventSink {
  publish(organizerKey: string, eventName: EventName, payload: Record<string, unknown>): void;
}

/** What the domain functions need; `state` is swapped on reset, so always read it through here. */
export interface SimContext {
  settings: Settings;
  clock: SimClock;
  state: SimState;
  events: EventSink;
}
