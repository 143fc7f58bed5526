// The list is part of the API contract (the web app offers it); the domain validates against it.
export { EVENT_TYPES } from "@gw/api-contract";

/** An automation rule with an EMIT_EVENT action ran on a prospect (details: the rule's id and name). */
export const RULE_MATCHED_EVENT = "rule.matched";

/** A known type, or any participation type (new activity types). */
export const EVENT_TYPE_PATTERN =
  /^(participation\.[a-z_]+|form\.submitted|registration\.failed|list\.(added|removed)|connector\.failed|prospect\.erased|rule\.matched)$/;
