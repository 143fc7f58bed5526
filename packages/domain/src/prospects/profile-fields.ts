// The profile columns are part of the API's vocabulary (field conditions, SET_FIELD, the
// prospect editor), so the contract states them and the domain takes them from there.
export {
  EDITABLE_PROSPECT_FIELDS,
  type EditableProspectField,
  PROSPECT_PROFILE_FIELDS,
  type ProspectProfileField,
} from "@gw/api-contract";
