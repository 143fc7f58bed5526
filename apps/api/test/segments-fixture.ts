import type { Db } from "@gw/db";
import {
  createCampaign,
  createConnector,
  createProspect,
  createRegistration,
  createWebinar,
  fixture,
} from "@gw/testing";

const DAY = 86_400_000;

/**
 * One account with prospects covering every criterion: a finished webinar X (attendance synced)
 * with an attendee, an absentee and a cancellation; an upcoming webinar Y; tags, a static list,
 * a form and a campaign. Each named prospect matches a known set of conditions.
 */
export async function createSegmentsFixture(db: Db, accountId: string) {
  const connector = await createConnector(db, { accountId, status: "VERIFIED" });
  const otherConnector = await createConnector(db, { accountId, status: "VERIFIED" });
  const now = Date.now();
  const webinarX = await createWebinar(db, {
    accountId,
    connectorId: connector.id,
    subject: "Launch X deep dive",
    startsAt: new Date(now - 3 * DAY),
    endsAt: new Date(now - 3 * DAY + 3_600_000),
    status: "ENDED",
    attendanceSyncs: 1,
  });
  const webinarY = await createWebinar(db, {
    accountId,
    connectorId: otherConnector.id,
    subject: "Office hours Y",
    startsAt: new Date(now + 5 * DAY),
  });
  const campaign = await createCampaign(db, { accountId });
  const tag = await db.tag.create({ data: { accountId, name: "VIP" } });
  const list = await db.list.create({ data: { accountId, name: "Newsletter" } });
  const form = await db.form.create({ data: { accountId, name: "Contact us" } });

  const attendee = await createProspect(db, {
    accountId,
    email: "ada@bigcorp.example",
    company: "BigCorp",
    score: 40,
    source: "GOTO_SYNC",
    campaignId: campaign.id,
  });
  const absentee = await createProspect(db, {
    accountId,
    email: "bob@smallco.example",
    company: "SmallCo",
    score: 5,
    source: "GOTO_SYNC",
  });
  const canceller = await createProspect(db, { accountId, email: "cy@bigcorp.example", score: 0, source: "FORM" });
  const futureOnly = await createProspect(db, {
    accountId,
    email: "dee@else.example",
    score: 12,
    source: "FORM",
    customFields: { "Favourite colour": "Blue" },
  });
  const old = await createProspect(db, {
    accountId,
    email: "eve@old.example",
    score: 100,
    source: "MANUAL",
    createdAt: new Date(now - 400 * DAY),
  });
  const filtered = await createProspect(db, { accountId, email: "fay@bigcorp.example", filtered: true, score: 99 });

  await createRegistration(db, {
    accountId,
    webinarId: webinarX.id,
    prospectId: attendee.id,
    attended: true,
    attendanceSeconds: 45 * 60,
    attendancePercent: 75,
    questionsAsked: 2,
    pollsAnswered: 1,
  });
  await createRegistration(db, { accountId, webinarId: webinarX.id, prospectId: absentee.id });
  await createRegistration(db, { accountId, webinarId: webinarX.id, prospectId: canceller.id, status: "CANCELLED" });
  await createRegistration(db, { accountId, webinarId: webinarY.id, prospectId: futureOnly.id, status: "WAITING" });
  await createRegistration(db, { accountId, webinarId: webinarX.id, prospectId: filtered.id, attended: true });
  await db.activity.createMany({
    data: [
      {
        accountId,
        prospectId: attendee.id,
        webinarId: webinarX.id,
        type: "ATTENDED",
        occurredAt: new Date(now - 3 * DAY),
      },
      {
        accountId,
        prospectId: absentee.id,
        webinarId: webinarX.id,
        type: "REGISTERED",
        occurredAt: new Date(now - 10 * DAY),
      },
      {
        accountId,
        prospectId: old.id,
        webinarId: webinarX.id,
        type: "REGISTERED",
        occurredAt: new Date(now - 200 * DAY),
      },
    ],
  });
  await db.prospectTag.create({ data: { tagId: tag.id, prospectId: attendee.id } });
  await db.listMembership.create({ data: { listId: list.id, prospectId: absentee.id } });
  await db.formSubmission.create({ data: { accountId, formId: form.id, prospectId: futureOnly.id, data: {} } });

  return {
    connector,
    otherConnector,
    webinarX,
    webinarY,
    campaign,
    tag,
    list,
    form,
    p: { attendee, absentee, canceller, futureOnly, old, filtered },
  };
}

export type SegmentsFixture = Awaited<ReturnType<typeof createSegmentsFixture>>;

/** `createSegmentsFixture` as the file's fixture, in the account of `owner` (a `useUser` fixture). */
export function useSegmentsFixture(db: () => Db, owner: { accountId: string }): SegmentsFixture {
  return fixture(() => createSegmentsFixture(db(), owner.accountId));
}
