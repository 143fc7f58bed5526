import { Prisma } from "@gw/db";

/** A prospect as a row of a list, tag or search result. */
export interface ProspectSummary {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
}

export const PROSPECT_SUMMARY_COLUMNS = Prisma.sql`p."id", p."email", p."firstName", p."lastName", p."company"`;
