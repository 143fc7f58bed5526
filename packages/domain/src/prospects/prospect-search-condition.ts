import { Prisma } from "@gw/db";
import { containsPattern } from "../paging/index";

/** Prospects (alias `p`) whose e-mail, name or company contains `q`. */
export function prospectSearchCondition(q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.sql`TRUE`;
  const pattern = containsPattern(q);
  return Prisma.sql`(p."email" ILIKE ${pattern} OR p."firstName" ILIKE ${pattern} OR p."lastName" ILIKE ${pattern}
    OR p."company" ILIKE ${pattern} OR concat_ws(' ', p."firstName", p."lastName") ILIKE ${pattern})`;
}
