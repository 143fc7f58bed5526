export { type ChangePosition, decodeCursor, encodeCursor, START_POSITION } from "./change-cursor";
export {
  CHANGE_EVENT_SELECT,
  type ChangeEventRow,
  type ChangeEventView,
  eventIdOf,
  type ProspectRef,
  toChangeEventView,
  VISIBLE_HORIZON,
  type WebinarRef,
} from "./change-event-view";
export { EVENT_TYPE_PATTERN, EVENT_TYPES, RULE_MATCHED_EVENT } from "./event-types";
export {
  type ListParticipationOptions,
  listParticipation,
  MAX_FEED_LIMIT,
  type ParticipationPage,
} from "./list-participation";
export { type ChangeEventInput, recordChangeEvents } from "./record-change-event";
