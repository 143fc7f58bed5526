import { createConnectorGotoClient } from "@gw/domain/connectors";
import { upsertGotoProspects } from "@gw/domain/prospects";
import { createProspect, createRegistration, createVerifiedConnector, createWebinar } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { createUserAndLogin, useUser } from "./auth-helpers";
import { useApiOverSim } from "./connectors-env";

const { sim, api } = useApiOverSim("erasure");
const admin = useUser(api);

describe("erasing a prospect (GDPR)", () => {
  it("removes the personal data, deletes the upcoming registrant in GoTo, sends prospect.erased and blocks re-creation by a poll", async () => {
    const { db, secretBox } = api.deps;
    const { connector } = await createVerifiedConnector(db, secretBox, { accountId: admin.accountId, sim });
    const goto = await createConnectorGotoClient({ db, config: api.config, secretBox, connectorId: connector.id });
    const start = new Date(Date.now() + 7 * 86_400_000);
    const created = await goto.createWebinar({
      subject: "Upcoming",
      times: [{ startTime: start, endTime: new Date(start.getTime() + 3_600_000) }],
      timeZone: "Europe/Paris",
    });
    const email = `Erase.Me.${Date.now()}@example.com`;
    const registrant = await goto.createRegistrant({
      webinarKey: created.webinarKey,
      firstName: "Erin",
      lastName: "Erase",
      email,
    });
    const upcoming = await createWebinar(db, {
      accountId: admin.accountId,
      connectorId: connector.id,
      webinarKey: created.webinarKey,
      startsAt: start,
    });
    const past = await createWebinar(db, {
      accountId: admin.accountId,
      connectorId: connector.id,
      startsAt: new Date(Date.now() - 7 * 86_400_000),
    });
    const prospect = await createProspect(db, {
      accountId: admin.accountId,
      email,
      firstName: "Erin",
      lastName: "Erase",
      company: "Acme",
      phone: "+33 1 23",
    });
    await createRegistration(db, {
      accountId: admin.accountId,
      webinarId: upcoming.id,
      prospectId: prospect.id,
      registrantKey: registrant.registrantKey,
      joinUrl: "https://join/x",
    });
    await createRegistration(db, { accountId: admin.accountId, webinarId: past.id, prospectId: prospect.id });

    const exported = await api.app.inject({
      method: "GET",
      url: `/api/prospects/${prospect.id}/export`,
      headers: admin.headers,
    });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers["content-disposition"]).toContain("attachment");
    expect(exported.json().prospect).toMatchObject({ email, company: "Acme" });
    expect(exported.json().prospect.registrations).toHaveLength(2);

    const marketer = await createUserAndLogin(api, { accountId: admin.accountId, role: "MARKETER" });
    const denied = await api.app.inject({
      method: "POST",
      url: `/api/prospects/${prospect.id}/erase`,
      headers: marketer.headers,
    });
    expect(denied.statusCode).toBe(403);

    const res = await api.app.inject({
      method: "POST",
      url: `/api/prospects/${prospect.id}/erase`,
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().registrantsDeleted).toBe(1);

    const inGoto = await sim.control.registrants(created.webinarKey);
    expect(inGoto.map((r) => r.registrantKey)).not.toContain(registrant.registrantKey);

    const row = await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } });
    expect(row).toMatchObject({ firstName: null, lastName: null, company: null, phone: null });
    expect(row.email).toMatch(/@erased\.invalid$/);
    expect(row.erasedAt).not.toBeNull();
    const registrations = await db.webinarRegistration.findMany({ where: { prospectId: prospect.id } });
    expect(registrations.every((r) => r.registrantKey === null && r.joinUrl === null)).toBe(true);
    const after = JSON.stringify(
      await api.app
        .inject({ method: "GET", url: `/api/prospects/${prospect.id}/export`, headers: admin.headers })
        .then((r) => r.json()),
    );
    expect(after.toLowerCase()).not.toContain(email.toLowerCase());
    const events = await db.changeEvent.findMany({ where: { prospectId: prospect.id, type: "prospect.erased" } });
    expect(events).toHaveLength(1);

    // A later poll of the past webinar reports the person again: not re-created.
    const poll = await upsertGotoProspects({
      db,
      accountId: admin.accountId,
      people: [
        {
          email: email.toUpperCase(),
          firstName: "Erin",
          lastName: "Erase",
          registeredAt: new Date(Date.now() - 8 * 86_400_000),
        },
      ],
      createProspects: true,
      campaignId: null,
    });
    expect(poll.created).toBe(0);
    expect(
      await db.prospect.count({ where: { accountId: admin.accountId, email: { equals: email, mode: "insensitive" } } }),
    ).toBe(0);
    // Registering again (after the erasure) brings them back.
    const again = await upsertGotoProspects({
      db,
      accountId: admin.accountId,
      people: [{ email, firstName: "Erin", lastName: "Erase", registeredAt: new Date(Date.now() + 1000) }],
      createProspects: true,
      campaignId: null,
    });
    expect(again.created).toBe(1);
  });
});
