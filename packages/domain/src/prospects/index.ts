// Prospects as the sync sees them: matched by e-mail (trimmed, case-insensitive) within an
// account, merged-away e-mails leading to the surviving master.
export { emailKey, normalizeEmail } from "./normalize-email";
export { findProspectsByEmail, type FindProspectsByEmailOptions, type ProspectMatch } from "./find-prospects-by-email";
export {
  type GotoPerson,
  upsertGotoProspects,
  type UpsertGotoProspectsOptions,
  type UpsertGotoProspectsResult,
} from "./upsert-goto-prospects";
export { PROSPECT_PROFILE_FIELDS, type ProspectProfileField } from "./profile-fields";
