import { Prisma } from "@gw/db";
import { conflict, invalid } from "../errors/index";

export const MAX_NAME_LENGTH = 100;

/** A list or tag name as stored: trimmed, non-empty, bounded. */
export function cleanName(name: string, field = "name"): string {
  const trimmed = name.trim();
  if (!trimmed) throw invalid(field, `${field} must not be blank`, name);
  if (trimmed.length > MAX_NAME_LENGTH)
    throw invalid(field, `${field} must be at most ${MAX_NAME_LENGTH} characters`, name);
  return trimmed;
}

/** Turns the database's unique-name violation (a race the pre-check lost) into a 409. */
export function rethrowNameTaken(error: unknown, what: string, name: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw conflict(`A ${what} named "${name}" already exists; choose another name`, "name");
  }
  throw error;
}
