import { badRequest } from "../errors";
import type { SimState } from "./store";
import type { Organizer } from "./types";

export interface CreateOrganizerOptions {
  email: string;
  firstName: string;
  lastName: string;
  timeZone?: string;
  /** Join an existing account instead of getting a new one. */
  accountKey?: string;
  accountName?: string;
}

export function createOrganizer(state: SimState, now: number, options: CreateOrganizerOptions): Organizer {
  if (typeof options.email !== "string" || !options.email.includes("@")) {
    throw badRequest(`email must be an e-mail address, got ${JSON.stringify(options.email)}`);
  }
  const email = options.email.trim();
  for (const existing of state.organizers.values()) {
    if (existing.email.toLowerCase() === email.toLowerCase()) {
      throw badRequest(`an organizer with email ${email} already exists`);
    }
  }
  const existingAccount = options.accountKey
    ? [...state.organizers.values()].find((o) => o.accountKey === options.accountKey)
    : undefined;
  if (options.accountKey && !existingAccount) throw badRequest(`unknown accountKey ${options.accountKey}`);
  const organizer: Organizer = {
    organizerKey: state.newKey(),
    accountKey: existingAccount?.accountKey ?? state.newKey(),
    accountName: existingAccount?.accountName ?? options.accountName ?? `${options.lastName} Account`,
    email,
    firstName: String(options.firstName ?? ""),
    lastName: String(options.lastName ?? ""),
    timeZone: options.timeZone ?? "America/New_York",
    locale: "en_US",
    createTime: now,
  };
  state.organizers.set(organizer.organizerKey, organizer);
  return organizer;
}
