import {
  ACTIVITY_TYPES,
  type CONDITION_TYPES,
  type Condition as ContractCondition,
  type Criteria as ContractCriteria,
  type RuleAction as ContractRuleAction,
  WEBINAR_PROSPECTS_ACTIONS as contractActions,
  MAX_ACTIONS as contractMaxActions,
  MAX_ACTIVITY_POINTS as contractMaxActivityPoints,
  MAX_FEED_LIMIT as contractMaxFeedLimit,
  MAX_NAME_LENGTH as contractMaxNameLength,
  MAX_PAGE_SIZE as contractMaxPageSize,
  MAX_SAMPLE as contractMaxSample,
  PROSPECT_SORTS as contractProspectSorts,
  WEBINAR_REPORT_SORTS as contractReportSorts,
  rule as contractRule,
  RULE_ACTION_TYPES as contractRuleActionTypes,
  API_TOKEN_SCOPES as contractScopes,
  SEGMENTS as contractSegments,
  STANDARD_FIELD_NAMES as contractStandardFields,
  WEBINAR_PROSPECT_SORTS as contractWebinarProspectSorts,
  syncRun,
} from "@gw/api-contract";
import { ActivityType, SyncKind, SyncStatus } from "@gw/db";
import { API_TOKEN_SCOPES } from "@gw/domain/api-tokens";
import { MAX_FEED_LIMIT } from "@gw/domain/events";
import { STANDARD_FIELDS } from "@gw/domain/forms";
import { MAX_NAME_LENGTH } from "@gw/domain/names";
import { MAX_PAGE_SIZE } from "@gw/domain/paging";
import { PROSPECT_SORTS } from "@gw/domain/prospects";
import { SEGMENTS, WEBINAR_PROSPECT_SORTS, WEBINAR_PROSPECTS_ACTIONS, WEBINAR_REPORT_SORTS } from "@gw/domain/reports";
import { MAX_ACTIONS, RULE_ACTION_TYPES, type RuleAction, type RuleView } from "@gw/domain/rules";
import { MAX_ACTIVITY_POINTS } from "@gw/domain/scoring";
import { type Condition, type Criteria, MAX_SAMPLE } from "@gw/domain/segments";
import { describe, expect, expectTypeOf, it } from "vitest";

// Each assignable to the other (toEqualTypeOf cannot compare a hand-written union with Zod's inferred one).
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The contract states what the API accepts; the domain implements it. Each value the API
// accepts must be one the domain handles, and the other way round.
describe("the API contract's vocabulary matches the domain's", () => {
  it("sorts, segments and bulk actions", () => {
    expect([...contractSegments]).toEqual([...SEGMENTS]);
    expect([...contractReportSorts]).toEqual([...WEBINAR_REPORT_SORTS]);
    expect([...contractWebinarProspectSorts]).toEqual([...WEBINAR_PROSPECT_SORTS]);
    expect([...contractActions]).toEqual([...WEBINAR_PROSPECTS_ACTIONS]);
    expect([...contractProspectSorts]).toEqual([...PROSPECT_SORTS]);
    expectTypeOf<(typeof contractSegments)[number]>().toEqualTypeOf<(typeof SEGMENTS)[number]>();
    expectTypeOf<(typeof contractReportSorts)[number]>().toEqualTypeOf<(typeof WEBINAR_REPORT_SORTS)[number]>();
    expectTypeOf<(typeof contractWebinarProspectSorts)[number]>().toEqualTypeOf<
      (typeof WEBINAR_PROSPECT_SORTS)[number]
    >();
    expectTypeOf<(typeof contractProspectSorts)[number]>().toEqualTypeOf<(typeof PROSPECT_SORTS)[number]>();
  });

  it("limits", () => {
    expect(contractMaxPageSize).toBe(MAX_PAGE_SIZE);
    expect(contractMaxNameLength).toBe(MAX_NAME_LENGTH);
    expect(contractMaxActivityPoints).toBe(MAX_ACTIVITY_POINTS);
    expect(contractMaxFeedLimit).toBe(MAX_FEED_LIMIT);
  });

  it("the database's enums and token scopes", () => {
    expect([...ACTIVITY_TYPES].sort()).toEqual(Object.values(ActivityType).sort());
    expect([...syncRun.shape.kind.options].sort()).toEqual(Object.values(SyncKind).sort());
    expect([...syncRun.shape.status.options].sort()).toEqual(Object.values(SyncStatus).sort());
    expect([...contractScopes]).toEqual([...API_TOKEN_SCOPES]);
  });

  it("a form's standard fields", () => {
    expect([...contractStandardFields].sort()).toEqual(Object.keys(STANDARD_FIELDS).sort());
    expectTypeOf<(typeof contractStandardFields)[number]>().toEqualTypeOf<keyof typeof STANDARD_FIELDS>();
  });

  it("criteria and rule actions (the criteria vocabulary and exclusion kinds are the contract's own)", () => {
    expect(contractMaxSample).toBe(MAX_SAMPLE);
    expect([...contractRuleActionTypes]).toEqual([...RULE_ACTION_TYPES]);
    expect(contractMaxActions).toBe(MAX_ACTIONS);
    expect([...contractRule.shape.status.options]).toEqual(["DRAFT", "ENABLED", "PAUSED"]);
    // The criteria and actions a client builds are exactly the ones the domain parses.
    expectTypeOf<(typeof CONDITION_TYPES)[number]>().toEqualTypeOf<Condition["type"]>();
    expectTypeOf<Interchangeable<ContractCondition, Condition>>().toEqualTypeOf<true>();
    expectTypeOf<Interchangeable<ContractCriteria, Criteria>>().toEqualTypeOf<true>();
    expectTypeOf<Interchangeable<ContractRuleAction, RuleAction>>().toEqualTypeOf<true>();
    expectTypeOf<(typeof contractRule.shape.status.options)[number]>().toEqualTypeOf<RuleView["status"]>();
  });
});
