import { Prisma } from "@gw/db";

export interface FormProspect {
  id: string;
  filtered: boolean;
  created: boolean;
  customFields: Record<string, unknown>;
}

export interface FindOrCreateFormProspectOptions {
  /** The submission's transaction: the row stays locked until it commits. */
  tx: Prisma.TransactionClient;
  accountId: string;
  email: string;
  campaignId?: string | null;
}

/**
 * The form's rule, Pardot's: the e-mail is matched (trimmed, case-insensitively) only among
 * prospects that were not merged away, so an old e-mail of a merged record makes a NEW prospect
 * (the GoTo sync's rule differs: it follows the merge to the master). One statement against the
 * partial unique index, so two submissions of the same new e-mail at once make one prospect.
 */
export async function findOrCreateFormProspect(options: FindOrCreateFormProspectOptions): Promise<FormProspect> {
  const email = options.email.trim();
  const rows = await options.tx.$queryRaw<Array<{ id: string; filtered: boolean; created: boolean; customFields: unknown }>>(Prisma.sql`
    INSERT INTO "Prospect" ("accountId", "email", "source", "campaignId", "updatedAt")
    VALUES (${options.accountId}::uuid, ${email}, 'FORM'::"ProspectSource", ${options.campaignId ?? null}::uuid, now())
    ON CONFLICT ("accountId", lower("email")) WHERE "mergedIntoId" IS NULL
    DO UPDATE SET "updatedAt" = now()
    RETURNING "id", "filtered", (xmax = 0) AS "created", "customFields"`);
  const row = rows[0]!;
  const customFields = row.customFields && typeof row.customFields === "object" && !Array.isArray(row.customFields) ? (row.customFields as Record<string, unknown>) : {};
  return { id: row.id, filtered: row.filtered, created: row.created, customFields };
}
