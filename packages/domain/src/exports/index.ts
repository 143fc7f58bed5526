export {
  exportCriteriaMatches,
  exportListMembers,
  exportProspectSearch,
  exportTagMembers,
  PROSPECT_EXPORT_HEADER,
  type ProspectsExport,
} from "./export-prospects";
