import { randomBytes } from "node:crypto";
import type { Db, Prisma } from "@gw/db";

// Terse test data with overridable defaults and unique values (STYLE habit 17).
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}${randomBytes(2).toString("hex")}`;
/** A 19-digit key like GoTo's (they exceed JavaScript's safe integers). */
export const gotoKey = () => `${8_000_000_000_000_000_000n + BigInt(`0x${randomBytes(6).toString("hex")}`)}`;

export async function createAccount(db: Db, data: Partial<Prisma.AccountUncheckedCreateInput> = {}) {
  return db.account.create({ data: { name: `Account ${unique()}`, ...data } });
}

export async function createCampaign(db: Db, data: Partial<Prisma.CampaignUncheckedCreateInput> & { accountId: string }) {
  return db.campaign.create({ data: { name: `Campaign ${unique()}`, ...data } });
}

export async function createConnector(db: Db, data: Partial<Prisma.ConnectorUncheckedCreateInput> & { accountId: string }) {
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

export async function createProspect(db: Db, data: Partial<Prisma.ProspectUncheckedCreateInput> & { accountId: string }) {
  const id = unique();
  return db.prospect.create({ data: { email: `person-${id}@example.com`, firstName: "Pat", lastName: `Doe ${id}`, ...data } });
}

export async function createRegistration(
  db: Db,
  data: Partial<Prisma.WebinarRegistrationUncheckedCreateInput> & { accountId: string; webinarId: string; prospectId: string },
) {
  return db.webinarRegistration.create({ data: { registrantKey: gotoKey(), registeredAt: new Date(), ...data } });
}
