import { randomBytes } from "node:crypto";
import type { Db, Prisma } from "@gw/db";
import { useId } from "./fixture";
import { type TestDatabase, useTestDatabase } from "./test-database";

// Terse test data with overridable defaults and unique values (docs/conventions.md, 18).
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}${randomBytes(2).toString("hex")}`;
/** A 19-digit key like GoTo's (they exceed JavaScript's safe integers). */
export const gotoKey = () => `${8_000_000_000_000_000_000n + BigInt(`0x${randomBytes(6).toString("hex")}`)}`;

export async function createAccount(db: Db, data: Partial<Prisma.AccountUncheckedCreateInput> = {}) {
  return db.account.create({ data: { name: `Account ${unique()}`, ...data } });
}

export async function createCampaign(
  db: Db,
  data: Partial<Prisma.CampaignUncheckedCreateInput> & { accountId: string },
) {
  return db.campaign.create({ data: { name: `Campaign ${unique()}`, ...data } });
}

export async function createConnector(
  db: Db,
  data: Partial<Prisma.ConnectorUncheckedCreateInput> & { accountId: string },
) {
  return db.connector.create({
    data: { name: `Connector ${unique()}`, connectorUserEmail: `organizer-${unique()}@example.com`, ...data },
  });
}

export async function createWebinar(
  db: Db,
  data: Partial<Prisma.WebinarUncheckedCreateInput> & { accountId: string; connectorId: string },
) {
  const startsAt = data.startsAt ? new Date(data.startsAt) : new Date(Date.now() + 7 * 86_400_000);
  const endsAt = data.endsAt ? new Date(data.endsAt) : new Date(startsAt.getTime() + 3_600_000);
  return db.webinar.create({
    data: {
      webinarKey: gotoKey(),
      subject: `Webinar ${unique()}`,
      timeZone: "Europe/Paris",
      times: [{ startTime: startsAt.toISOString(), endTime: endsAt.toISOString() }],
      ...data,
      startsAt,
      endsAt,
    },
  });
}

export async function createProspect(
  db: Db,
  data: Partial<Prisma.ProspectUncheckedCreateInput> & { accountId: string },
) {
  const id = unique();
  return db.prospect.create({
    data: { email: `person-${id}@example.com`, firstName: "Pat", lastName: `Doe ${id}`, ...data },
  });
}

export async function createRegistration(
  db: Db,
  data: Partial<Prisma.WebinarRegistrationUncheckedCreateInput> & {
    accountId: string;
    webinarId: string;
    prospectId: string;
  },
) {
  return db.webinarRegistration.create({ data: { registrantKey: gotoKey(), registeredAt: new Date(), ...data } });
}

/**
 * A VERIFIED connector holding real tokens from a running GoTo stand-in, as the OAuth callback
 * would leave it (tokens sealed with `secretBox`, discovery and backfill due now). The tokens are
 * minted by the stand-in's control API for its default OAuth client, so the API or worker under
 * test must use GOTO_CLIENT_ID=demo-client / GOTO_CLIENT_SECRET=demo-secret (or `clientId`'s
 * pair) and GOTO_AUTH_URL / GOTO_API_URL / GOTO_IDENTITY_URL pointing at the stand-in. Without
 * `organizerKey` a fresh organizer is created in the stand-in, so connectors never collide.
 */
export async function createVerifiedConnector(
  db: Db,
  secretBox: { encrypt(plaintext: string): string },
  options: Partial<Prisma.ConnectorUncheckedCreateInput> & {
    accountId: string;
    sim: { url: string };
    organizerKey?: string;
    clientId?: string;
  },
) {
  const { sim, organizerKey: wantedOrganizer, clientId, ...data } = options;
  const control = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${sim.url}/_sim${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`stand-in POST /_sim${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  const organizerKey =
    wantedOrganizer ??
    (
      await control<{ organizerKey: string }>("/organizers", {
        email: `organizer-${unique()}@example.com`,
        firstName: "Olga",
        lastName: `Organizer ${unique()}`,
      })
    ).organizerKey;
  const tokens = await control<{ access_token: string; refresh_token?: string; expires_in: number }>("/tokens", {
    organizerKey,
    ...(clientId ? { clientId } : {}),
  });
  const organizer = (await (await fetch(`${sim.url}/_sim/organizers`)).json()) as {
    organizerKey: string;
    accountKey: string;
    email: string;
    firstName: string;
    lastName: string;
  }[];
  const me = organizer.find((o) => o.organizerKey === organizerKey);
  if (!me) throw new Error(`stand-in has no organizer ${organizerKey}`);
  const now = new Date();
  const connector = await db.connector.create({
    data: {
      name: `Connector ${unique()}`,
      connectorUserEmail: me.email,
      status: "VERIFIED",
      organizerKey,
      gotoAccountKey: me.accountKey,
      organizerEmail: me.email,
      organizerName: `${me.firstName} ${me.lastName}`.trim(),
      accessTokenEnc: secretBox.encrypt(tokens.access_token),
      refreshTokenEnc: tokens.refresh_token ? secretBox.encrypt(tokens.refresh_token) : null,
      accessTokenExpiresAt: new Date(now.getTime() + tokens.expires_in * 1000),
      verifiedAt: now,
      nextDiscoveryAt: now,
      backfillDueAt: now,
      ...data,
    },
  });
  return { connector, organizer: me, accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
}

/** An account the file's tests share: its id at once, the row made in `beforeAll`. */
export function useAccountId(db: Db): string {
  return useId((id) => createAccount(db, { id }));
}

/**
 * A test file's database with the two accounts its tests share: `accountId` holds the data under
 * test, `otherAccountId` is there to show that nothing of one account reaches another.
 */
export function useAccountDatabase(label: string): TestDatabase & { accountId: string; otherAccountId: string } {
  const database = useTestDatabase(label);
  return { ...database, accountId: useAccountId(database.db), otherAccountId: useAccountId(database.db) };
}

/** A form's fields GoTo needs to register someone: a REGISTER_WEBINAR action requires these three. */
export const REGISTRANT_FIELDS = [
  { name: "email" },
  { name: "firstName", required: true },
  { name: "lastName", required: true },
] as const;
