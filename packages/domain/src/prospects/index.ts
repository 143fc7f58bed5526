export { type ApplyProspectsActionOptions, applyProspectsAction } from "./apply-prospects-action";
// Prospects: matched by e-mail (trimmed, case-insensitive) within an account, merged-away
// e-mails leading to the surviving master; searched, shown, edited and merged by users.

export { findAccountProspect } from "./find-account-prospect";
export { type FindProspectsByEmailOptions, findProspectsByEmail, type ProspectMatch } from "./find-prospects-by-email";
export { getProspectDetail, type ProspectDetail } from "./get-prospect-detail";
export { type MergeProspectsOptions, type MergeProspectsResult, mergeProspects } from "./merge-prospects";
export { emailKey, normalizeEmail } from "./normalize-email";
export { PROSPECT_PROFILE_FIELDS, type ProspectProfileField } from "./profile-fields";
export {
  checkProspectFilters,
  filtersToCriteria,
  type ProspectFilters,
  prospectFiltersCondition,
  prospectFiltersSql,
} from "./prospect-filters";
export { prospectSearchCondition } from "./prospect-search-condition";
export type { ProspectSummary } from "./prospect-summary";
export { type ResolveProspectIdsOptions, resolveProspectIds } from "./resolve-prospect-ids";
export {
  PROSPECT_SORTS,
  type ProspectListItem,
  type ProspectSort,
  type SearchProspectsOptions,
  searchProspects,
} from "./search-prospects";
export {
  EDITABLE_PROSPECT_FIELDS,
  type EditableProspectField,
  type ProspectChanges,
  type UpdateProspectOptions,
  updateProspect,
} from "./update-prospect";
export {
  type GotoPerson,
  type UpsertGotoProspectsOptions,
  type UpsertGotoProspectsResult,
  upsertGotoProspects,
} from "./upsert-goto-prospects";
