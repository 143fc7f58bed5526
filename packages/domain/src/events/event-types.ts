/**
 * The event types other systems can receive. Participation types follow the activity types
 * (`participation.<type>`), so types the engagement model adds arrive without a change here.
 */
export const EVENT_TYPES = [
  "participation.registered",
  "participation.accepted",
  "participation.attended",
  "participation.absent",
  "participation.cancelled",
  "form.submitted",
  "registration.failed",
  "list.added",
  "list.removed",
  "connector.failed",
  "prospect.erased",
  "rule.matched",
] as const;

/** An automation rule with an EMIT_EVENT action ran on a prospect (details: the rule's id and name). */
export const RULE_MATCHED_EVENT = "rule.matched";

/** A known type, or any participation type (new activity types). */
export const EVENT_TYPE_PATTERN =
  /^(participation\.[a-z_]+|form\.submitted|registration\.failed|list\.(added|removed)|connector\.failed|prospect\.erased|rule\.matched)$/;
