/** The profile columns an admin may edit on the prospect's page, besides e-mail. */
export const EDITABLE_PROSPECT_FIELDS = [
  "firstName",
  "lastName",
  "company",
  "jobTitle",
  "phone",
  "address",
  "city",
  "state",
  "zipCode",
  "country",
  "industry",
] as const;
export type EditableProspectField = (typeof EDITABLE_PROSPECT_FIELDS)[number];

/**
 * The prospect's profile columns besides e-mail: what a form can fill, what a merge carries over
 * to the master. GoTo's standard registration fields map onto them (organization → company).
 */
export const PROSPECT_PROFILE_FIELDS = [
  ...EDITABLE_PROSPECT_FIELDS,
  "numberOfEmployees",
  "purchasingRole",
  "purchasingTimeFrame",
  "questionsAndComments",
] as const;

export type ProspectProfileField = (typeof PROSPECT_PROFILE_FIELDS)[number];
