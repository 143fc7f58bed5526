// Prospects as the sync sees them: matched by e-mail (trimmed, case-insensitive) within an
// account, merged-away e-mails leading to the surviving master.

export { type FindProspectsByEmailOptions, findProspectsByEmail, type ProspectMatch } from "./find-prospects-by-email";
export { emailKey, normalizeEmail } from "./normalize-email";
export { PROSPECT_PROFILE_FIELDS, type ProspectProfileField } from "./profile-fields";
export {
  type GotoPerson,
  type UpsertGotoProspectsOptions,
  type UpsertGotoProspectsResult,
  upsertGotoProspects,
} from "./upsert-goto-prospects";
