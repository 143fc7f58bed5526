import { Prisma } from "@gw/db";

/** The drill-downs of a webinar's counts. They partition the registrations that still stand. */
export const SEGMENTS = ["registered", "attended", "absent"] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Registrations (alias `r`) in a segment; cancelled registrations are in none. */
/** Hides filtered prospects (employees, excluded addresses) unless asked for: the reports' switch. */
export function filteredCondition(includeFiltered: boolean | undefined): Prisma.Sql {
  return includeFiltered ? Prisma.sql`TRUE` : Prisma.sql`NOT p."filtered"`;
}

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

/**
 * Registrations (alias `r`) from one source, the label told to GoTo; "" picks those with none
 * (registered on GoTo's own page, or before sources were tracked). Absent: every source.
 */
export function sourceCondition(source: string | undefined): Prisma.Sql {
  if (source === undefined) return Prisma.sql`TRUE`;
  return source === "" ? Prisma.sql`r."sourceLabel" IS NULL` : Prisma.sql`r."sourceLabel" = ${source}`;
}
