import { Prisma } from "@gw/db";
import { containsPattern } from "./paging";

/** The drill-downs of a webinar's counts. They partition the registrations that still stand. */
export const SEGMENTS = ["registered", "attended", "absent"] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Registrations (alias `r`) in a segment; cancelled registrations are in none. */
export function segmentCondition(segment: Segment): Prisma.Sql {
  switch (segment) {
    case "registered":
      return Prisma.sql`r."status" <> 'CANCELLED'`;
    case "attended":
      return Prisma.sql`(r."status" <> 'CANCELLED' AND r."attended")`;
    case "absent":
      return Prisma.sql`(r."status" <> 'CANCELLED' AND NOT r."attended")`;
  }
}

/** Prospects (alias `p`) whose e-mail, name or company contains `q`. */
export function prospectSearchCondition(q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.sql`TRUE`;
  const pattern = containsPattern(q);
  return Prisma.sql`(p."email" ILIKE ${pattern} OR p."firstName" ILIKE ${pattern} OR p."lastName" ILIKE ${pattern}
    OR p."company" ILIKE ${pattern} OR concat_ws(' ', p."firstName", p."lastName") ILIKE ${pattern})`;
}
