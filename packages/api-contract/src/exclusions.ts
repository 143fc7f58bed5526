import { z } from "zod";
import type { RequestOf, ResponseOf } from "./common";

export const EXCLUSION_KINDS = ["EMAIL_DOMAIN", "EMAIL", "GOTO_ROLE"] as const;
/**
 * GoTo roles the service knows people by. ORGANIZER: the organizer of one of the account's
 * connectors. PANELIST, CO_ORGANIZER: someone GoTo lists as a panelist or co-organizer of one of
 * the account's webinars (the sync reads those lists while such a rule exists: WebinarStaff).
 */
export const GOTO_ROLES = ["ORGANIZER", "PANELIST", "CO_ORGANIZER"] as const;
export const MAX_EXCLUSION_RULES = 500;

export const exclusionRule = z.object({
  kind: z
    .enum(EXCLUSION_KINDS)
    .describe(
      "EMAIL_DOMAIN (example.com), EMAIL (one address) or GOTO_ROLE (ORGANIZER; PANELIST or CO_ORGANIZER of any of the account's webinars, read by the sync)",
    ),
  value: z.string().trim().min(1).max(254),
});
export const exclusionRules = z.object({ rules: z.array(exclusionRule) });
export const exclusionRulesBody = z.object({ rules: z.array(exclusionRule).max(MAX_EXCLUSION_RULES) });
export const exclusionsApplied = exclusionRules.extend({
  filteredByRules: z.number().int().describe("prospects the rules filter now"),
  newlyFiltered: z.number().int(),
  released: z.number().int().describe("prospects only the old rules filtered"),
  staffWebinarsQueued: z
    .number()
    .int()
    .describe(
      "webinars no sync reads again (fully synced) whose panelists / co-organizers are now fetched from GoTo in the background, " +
        "because this change added a PANELIST or CO_ORGANIZER rule (one request per role per webinar, behind other sync work); " +
        "those they name are filtered as each webinar's answer arrives",
    ),
});

export type ExclusionKind = (typeof EXCLUSION_KINDS)[number];
export type ExclusionRule = ResponseOf<typeof exclusionRule>;
export type ExclusionRules = ResponseOf<typeof exclusionRules>;
export type ExclusionRulesBody = RequestOf<typeof exclusionRulesBody>;
export type ExclusionsApplied = ResponseOf<typeof exclusionsApplied>;
