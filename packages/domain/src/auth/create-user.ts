import { type Db, Prisma, type UserRole } from "@gw/db";
import { z } from "zod";
import { conflict, invalid } from "../errors/index";
import { hashPassword } from "./hash-password";

export const MIN_PASSWORD_LENGTH = 10;

export interface CreateUserOptions {
  db: Pick<Db, "user">;
  accountId: string;
  email: string;
  password: string;
  name?: string | null;
  role?: UserRole;
  /** Runs the installation (queue dashboard). Only the CLI sets it: no route can grant it. */
  operator?: boolean;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** A login for one account; the e-mail is unique across the service (it is how people log in). */
export async function createUser(options: CreateUserOptions) {
  const email = normalizeEmail(options.email);
  if (!z.email().safeParse(email).success)
    throw invalid("email", `email must be an e-mail address, got ${JSON.stringify(options.email)}`);
  if (options.password.length < MIN_PASSWORD_LENGTH) {
    throw invalid("password", `password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  }
  try {
    return await options.db.user.create({
      data: {
        accountId: options.accountId,
        email,
        name: options.name?.trim() || null,
        role: options.role ?? "ADMIN",
        isOperator: options.operator ?? false,
        passwordHash: await hashPassword(options.password),
      },
      select: { id: true, accountId: true, email: true, name: true, role: true, isOperator: true, createdAt: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw conflict(`a user with e-mail ${email} already exists`, "email");
    }
    throw error;
  }
}
