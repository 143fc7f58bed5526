export { findAccountProspect } from "./find-account-prospect";
export { getProspectDetail, type ProspectDetail } from "./get-prospect-detail";
export { type MergeProspectsOptions, type MergeProspectsResult, mergeProspects } from "./merge-prospects";
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
