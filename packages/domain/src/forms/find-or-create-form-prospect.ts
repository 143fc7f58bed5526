import { Prisma } from "@gw/db";

export interface FormProspect {
  id: string;
  filtered: boolean;
  created: boolean;
}

/** Prospect columns a form can fill (STANDARD_FIELDS' columns, but e-mail). */
const COLUMNS = [
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
  "numberOfEmployees",
  "purchasingRole",
  "purchasingTimeFrame",
  "questionsAndComments",
] as const;

export interface FindOrCreateFormProspectOptions {
  /** The submission's transaction: the row stays locked until it commits. */
  tx: Prisma.TransactionClient;
  accountId: string;
  email: string;
  /** Column → value from the form; only non-blank values, which overwrite (the form is newer). */
  columns: Record<string, string>;
  /** Merged into `customFields`. */
  custom: Record<string, string>;
  /** A new prospect gets the campaign of this webinar's connector (the register action's). */
  campaignFromWebinarId?: string | null;
}

/**
 * The form's rule, Pardot's: the e-mail is matched (trimmed, case-insensitively) only among
 * prospects that were not merged away, so an old e-mail of a merged record makes a NEW prospect
 * (the GoTo sync's rule differs: it follows the merge to the master). One statement against the
 * partial unique index finds or creates the prospect and writes the form's values (never
 * blanking what is known), so two submissions of the same new e-mail at once make one prospect.
 */
export async function findOrCreateFormProspect(options: FindOrCreateFormProspectOptions): Promise<FormProspect> {
  const email = options.email.trim();
  const values = COLUMNS.map((column) => {
    const value = options.columns[column];
    return value ? value : null;
  });
  const columnList = Prisma.raw(COLUMNS.map((c) => `"${c}"`).join(", "));
  const keep = Prisma.raw(COLUMNS.map((c) => `"${c}" = COALESCE(EXCLUDED."${c}", "Prospect"."${c}")`).join(", "));
  const campaign = options.campaignFromWebinarId
    ? Prisma.sql`(SELECT c."campaignId" FROM "Webinar" w JOIN "Connector" c ON c."id" = w."connectorId" WHERE w."id" = ${options.campaignFromWebinarId}::uuid)`
    : Prisma.sql`NULL::uuid`;
  const rows = await options.tx.$queryRaw<Array<{ id: string; filtered: boolean; created: boolean }>>(Prisma.sql`
    INSERT INTO "Prospect" ("accountId", "email", "source", "campaignId", "customFields", "updatedAt", ${columnList})
    VALUES (${options.accountId}::uuid, ${email}, 'FORM'::"ProspectSource", ${campaign}, ${JSON.stringify(options.custom)}::jsonb, now(), ${Prisma.join(values)})
    ON CONFLICT ("accountId", lower("email")) WHERE "mergedIntoId" IS NULL
    DO UPDATE SET ${keep}, "customFields" = "Prospect"."customFields" || EXCLUDED."customFields", "updatedAt" = now()
    RETURNING "id", "filtered", (xmax = 0) AS "created"`);
  const row = rows[0]!;
  return { id: row.id, filtered: row.filtered, created: row.created };
}
