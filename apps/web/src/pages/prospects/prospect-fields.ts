import type { ProspectDetail } from "@gw/api-contract";

/** The prospect page's editable and shown fields beyond name and e-mail, with their labels. */
export const PROSPECT_FIELDS = [
  ["company", "Company"],
  ["jobTitle", "Job title"],
  ["phone", "Phone"],
  ["address", "Address"],
  ["city", "City"],
  ["state", "State"],
  ["zipCode", "Zip code"],
  ["country", "Country"],
  ["industry", "Industry"],
  ["numberOfEmployees", "Employees"],
  ["purchasingRole", "Purchasing role"],
  ["purchasingTimeFrame", "Purchasing time frame"],
  ["questionsAndComments", "Questions and comments"],
] as const satisfies readonly (readonly [keyof ProspectDetail, string])[];
