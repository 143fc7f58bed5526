import { Prisma } from "@gw/db";

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
