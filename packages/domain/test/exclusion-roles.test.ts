import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchWebinarStaff, listWebinarsWithoutStaffSync, setExclusionRules } from "../src/exclusions/index";
import { cancelWebinar } from "../src/webhook-events/index";
import { createSyncEnv, type SyncEnv } from "./sync-env";

let env: SyncEnv;
beforeAll(async () => {
  env = await createSyncEnv("exclroles");
});
afterAll(async () => env?.close());
const sync = (webinarId: string) => env.sync(webinarId);

/** A connector with one upcoming webinar of three registrants in the stand-in, discovered and synced once. */
async function upcomingWebinar() {
  const connector = await env.createConnector();
  const scenario = await env.sim.control.scenario({
    organizerKey: connector.organizerKey,
    webinars: [{ startsInMinutes: 3 * 24 * 60, registrants: 3 }],
  });
  const webinarKey = scenario.webinars[0]!.webinarKey;
  await env.discover(connector.connectorId);
  const webinar = await env.db.webinar.findFirstOrThrow({ where: { connectorId: connector.connectorId, webinarKey } });
  const goto = await env.connectGoto(
    { id: connector.connectorId, organizerKey: connector.organizerKey },
    { onRequest() {} },
  );
  const registrants = await env.sim.control.registrants(webinarKey);
  return { ...connector, webinar, webinarKey, goto, emails: registrants.map((r) => r.email.toLowerCase()) };
}

async function filteredEmails(accountId: string): Promise<string[]> {
  const rows = await env.db.prospect.findMany({
    where: { accountId, filtered: true },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  return rows.map((r) => r.email.toLowerCase());
}

const requestsTo = async (path: string) =>
  (await env.sim.control.requests()).filter((r) => r.path.endsWith(path)).length;

describe("exclusion rules by GoTo role: panelists and co-organizers", () => {
  it("without a role rule the sync asks GoTo for neither list and filters nobody", async () => {
    const w = await upcomingWebinar();
    await w.goto.createPanelists({
      organizerKey: w.organizerKey,
      webinarKey: w.webinarKey,
      panelists: [{ name: "Pan", email: w.emails[0]! }],
    });
    const before = await requestsTo(`/webinars/${w.webinarKey}/panelists`);
    const result = await sync(w.webinar.id);
    expect(result.status).toBe("synced");
    expect(await requestsTo(`/webinars/${w.webinarKey}/panelists`)).toBe(before);
    expect(await requestsTo(`/webinars/${w.webinarKey}/coorganizers`)).toBe(0);
    expect(await filteredEmails(w.accountId)).toEqual([]);
    expect(await env.db.webinarStaff.count({ where: { webinarId: w.webinar.id } })).toBe(0);
  });

  it("a registered panelist is filtered by the next sync, a co-organizer who registers is filtered as written, and both are released when GoTo drops them", async () => {
    const w = await upcomingWebinar();
    await sync(w.webinar.id);
    const [panelistEmail, other] = w.emails;
    await setExclusionRules({
      db: env.db,
      accountId: w.accountId,
      rules: [
        { kind: "GOTO_ROLE", value: "PANELIST" },
        { kind: "GOTO_ROLE", value: "CO_ORGANIZER" },
      ],
    });
    // Setting the rules alone filters nobody: GoTo has not been asked yet.
    expect(await filteredEmails(w.accountId)).toEqual([]);

    const [panelist] = await w.goto.createPanelists({
      organizerKey: w.organizerKey,
      webinarKey: w.webinarKey,
      panelists: [{ name: "Pat Panel", email: panelistEmail!.toUpperCase() }],
    });
    const [coorganizer] = await w.goto.createCoorganizers({
      organizerKey: w.organizerKey,
      webinarKey: w.webinarKey,
      coorganizers: [{ external: true, givenName: "Cora", email: "cora.coorg@partner.example" }],
    });
    await w.goto.createRegistrant({
      organizerKey: w.organizerKey,
      webinarKey: w.webinarKey,
      firstName: "Cora",
      lastName: "Coorg",
      email: "Cora.Coorg@partner.example",
    });

    const result = await sync(w.webinar.id);
    expect(result.status === "synced" && result.details).toMatchObject({ staff: 2, staffFiltered: 1 });
    expect(await filteredEmails(w.accountId)).toEqual(["cora.coorg@partner.example", panelistEmail].sort());
    expect(
      await env.db.webinarStaff.findMany({
        where: { webinarId: w.webinar.id },
        select: { role: true, email: true, name: true },
        orderBy: { role: "asc" },
      }),
    ).toEqual([
      { role: "PANELIST", email: panelistEmail, name: "Pat Panel" },
      { role: "CO_ORGANIZER", email: "cora.coorg@partner.example", name: "Cora" },
    ]);
    const cora = await env.db.prospect.findFirstOrThrow({
      where: { accountId: w.accountId, email: { equals: "cora.coorg@partner.example", mode: "insensitive" } },
    });
    expect(cora).toMatchObject({ filtered: true, filteredByExclusion: true });
    // Their activities are still recorded.
    expect(await env.db.activity.count({ where: { prospectId: cora.id, type: "REGISTERED" } })).toBe(1);
    expect(await filteredEmails(w.accountId)).not.toContain(other);

    // GoTo no longer lists the panelist: released at the next sync; the co-organizer stays.
    await w.goto.deletePanelist({
      organizerKey: w.organizerKey,
      webinarKey: w.webinarKey,
      panelistKey: panelist!.panelistKey,
    });
    await sync(w.webinar.id);
    expect(await filteredEmails(w.accountId)).toEqual(["cora.coorg@partner.example"]);

    // Dropping the rule releases the co-organizer too (the rules are re-applied at once).
    await setExclusionRules({ db: env.db, accountId: w.accountId, rules: [{ kind: "GOTO_ROLE", value: "PANELIST" }] });
    expect(await filteredEmails(w.accountId)).toEqual([]);
    expect(coorganizer?.email.toLowerCase()).toBe("cora.coorg@partner.example");
  });

  it("a role rule of one account never filters another account's prospects", async () => {
    const mine = await upcomingWebinar();
    const theirs = await upcomingWebinar();
    await Promise.all([sync(mine.webinar.id), sync(theirs.webinar.id)]);
    await setExclusionRules({
      db: env.db,
      accountId: mine.accountId,
      rules: [{ kind: "GOTO_ROLE", value: "PANELIST" }],
    });
    // The same person is a panelist of my webinar and a registrant of theirs.
    await mine.goto.createPanelists({
      organizerKey: mine.organizerKey,
      webinarKey: mine.webinarKey,
      panelists: [{ name: "Shared", email: theirs.emails[0]! }],
    });
    await mine.goto.createRegistrant({
      organizerKey: mine.organizerKey,
      webinarKey: mine.webinarKey,
      firstName: "Shared",
      lastName: "Person",
      email: theirs.emails[0]!,
    });
    await sync(mine.webinar.id);
    await sync(theirs.webinar.id);
    expect(await filteredEmails(mine.accountId)).toEqual([theirs.emails[0]]);
    expect(await filteredEmails(theirs.accountId)).toEqual([]);
  });

  it("a role rule added after a webinar's last sync reaches its staff: one request per role for each webinar no sync reads again", async () => {
    const w = await upcomingWebinar();
    await sync(w.webinar.id);
    // As the final attendance sync leaves a webinar: nothing planned any more.
    await env.db.webinar.update({
      where: { id: w.webinar.id },
      data: { nextPollAt: null, nextAttendanceSyncAt: null, attendanceFinalAt: env.now() },
    });
    await env.sim.control.scenario({
      organizerKey: w.organizerKey,
      webinars: [{ startsInMinutes: 5 * 24 * 60, registrants: 1 }],
    });
    await env.discover(w.connectorId);
    const [panelist, other] = w.emails;
    await w.goto.createPanelists({
      organizerKey: w.organizerKey,
      webinarKey: w.webinarKey,
      panelists: [{ name: "Late Panel", email: panelist! }],
    });

    const set = await setExclusionRules({
      db: env.db,
      accountId: w.accountId,
      rules: [{ kind: "GOTO_ROLE", value: "PANELIST" }],
    });
    expect(set.addedStaffRoles).toEqual(["PANELIST"]);
    // The webinar still polled reads the list at its next sync; only the finished one is asked now.
    const pending = await listWebinarsWithoutStaffSync({ db: env.db, accountId: w.accountId });
    expect(pending).toEqual([w.webinar.id]);
    // ...and that request is in the outbox, written with the rules, until its job has run.
    expect(set.staffFetches).toEqual([{ webinarId: w.webinar.id, roles: ["PANELIST"] }]);
    const outbox = () =>
      env.db.webinarStaffFetch.findMany({ where: { webinarId: w.webinar.id }, select: { roles: true } });
    expect(await outbox()).toEqual([{ roles: ["PANELIST"] }]);

    const panelistsAsked = await requestsTo(`/webinars/${w.webinarKey}/panelists`);
    const result = await fetchWebinarStaff({
      db: env.db,
      webinarId: w.webinar.id,
      roles: ["PANELIST"],
      connectGoto: env.connectGoto,
    });
    expect(result).toMatchObject({
      status: "fetched",
      roles: ["PANELIST"],
      apiRequests: 1,
      staff: 1,
      newlyFiltered: 1,
    });
    expect(await requestsTo(`/webinars/${w.webinarKey}/panelists`)).toBe(panelistsAsked + 1);
    expect(await outbox()).toEqual([]);
    expect(await requestsTo(`/webinars/${w.webinarKey}/coorganizers`)).toBe(0);
    expect(await filteredEmails(w.accountId)).toEqual([panelist]);
    expect(await filteredEmails(w.accountId)).not.toContain(other);

    // Saving the same rules again adds no role; a rule removed before its fetch ran asks GoTo nothing.
    expect((await setExclusionRules({ db: env.db, accountId: w.accountId, rules: set.rules })).addedStaffRoles).toEqual(
      [],
    );
    const both = await setExclusionRules({
      db: env.db,
      accountId: w.accountId,
      rules: [...set.rules, { kind: "GOTO_ROLE", value: "CO_ORGANIZER" }],
    });
    expect(both.addedStaffRoles).toEqual(["CO_ORGANIZER"]);
    expect(await outbox()).toEqual([{ roles: ["CO_ORGANIZER"] }]);
    await setExclusionRules({ db: env.db, accountId: w.accountId, rules: set.rules });
    const skipped = await fetchWebinarStaff({
      db: env.db,
      webinarId: w.webinar.id,
      roles: ["CO_ORGANIZER"],
      connectGoto: env.connectGoto,
    });
    expect(skipped.status).toBe("skipped");
    expect(await requestsTo(`/webinars/${w.webinarKey}/coorganizers`)).toBe(0);
    expect(await outbox()).toEqual([]);
  });

  it("a webinar GoTo deleted releases its staff at the sync that finds it gone, unless another webinar still lists them", async () => {
    const w = await upcomingWebinar();
    await setExclusionRules({ db: env.db, accountId: w.accountId, rules: [{ kind: "GOTO_ROLE", value: "PANELIST" }] });
    const [onlyHere, alsoElsewhere] = w.emails;
    await w.goto.createPanelists({
      organizerKey: w.organizerKey,
      webinarKey: w.webinarKey,
      panelists: [
        { name: "Only here", email: onlyHere! },
        { name: "Also elsewhere", email: alsoElsewhere! },
      ],
    });
    // A second webinar of the same account where one of them is a panelist too.
    const second = await env.sim.control.scenario({
      organizerKey: w.organizerKey,
      webinars: [{ startsInMinutes: 4 * 24 * 60, registrants: 1 }],
    });
    const secondKey = second.webinars[0]!.webinarKey;
    await env.discover(w.connectorId);
    const secondWebinar = await env.db.webinar.findFirstOrThrow({
      where: { connectorId: w.connectorId, webinarKey: secondKey },
    });
    await w.goto.createPanelists({
      organizerKey: w.organizerKey,
      webinarKey: secondKey,
      panelists: [{ name: "Also elsewhere", email: alsoElsewhere! }],
    });
    await sync(w.webinar.id);
    await sync(secondWebinar.id);
    expect(await filteredEmails(w.accountId)).toEqual([onlyHere, alsoElsewhere].sort());

    // Deleted in GoTo: the next sync gets a 404 and cancels the webinar.
    await w.goto.cancelWebinar({ organizerKey: w.organizerKey, webinarKey: w.webinarKey });
    const result = await sync(w.webinar.id);
    expect(result.status === "synced" && result.phase).toBe("cancelled");
    expect(await filteredEmails(w.accountId)).toEqual([alsoElsewhere]);
    const released = await env.db.prospect.findFirstOrThrow({
      where: { accountId: w.accountId, email: { equals: onlyHere!, mode: "insensitive" } },
    });
    expect(released).toMatchObject({ filtered: false, filteredByExclusion: false });

    // The other webinar cancelled too (here by GoTo's webhook path): nobody is staff any more.
    await cancelWebinar({ db: env.db, webinar: secondWebinar, now: env.now() });
    expect(await filteredEmails(w.accountId)).toEqual([]);
  });

  it("a webinar row deleted outright releases its staff, unless another webinar still lists them", async () => {
    const w = await upcomingWebinar();
    await setExclusionRules({ db: env.db, accountId: w.accountId, rules: [{ kind: "GOTO_ROLE", value: "PANELIST" }] });
    const [onlyHere, alsoElsewhere, byHand] = w.emails;
    await w.goto.createPanelists({
      organizerKey: w.organizerKey,
      webinarKey: w.webinarKey,
      panelists: [onlyHere!, alsoElsewhere!, byHand!].map((email) => ({ name: "Panel", email })),
    });
    const second = await env.sim.control.scenario({
      organizerKey: w.organizerKey,
      webinars: [{ startsInMinutes: 4 * 24 * 60, registrants: 1 }],
    });
    await env.discover(w.connectorId);
    const secondWebinar = await env.db.webinar.findFirstOrThrow({
      where: { connectorId: w.connectorId, webinarKey: second.webinars[0]!.webinarKey },
    });
    await w.goto.createPanelists({
      organizerKey: w.organizerKey,
      webinarKey: secondWebinar.webinarKey,
      panelists: [{ name: "Also elsewhere", email: alsoElsewhere! }],
    });
    await sync(w.webinar.id);
    await sync(secondWebinar.id);
    // One of them filtered by hand: the flag is theirs, not the rules'.
    const handEdit = (filtered: boolean) =>
      env.db.prospect.updateMany({
        where: { accountId: w.accountId, email: { equals: byHand!, mode: "insensitive" } },
        data: { filtered },
      });
    await handEdit(false);
    await handEdit(true);
    expect(await filteredEmails(w.accountId)).toEqual([onlyHere, alsoElsewhere, byHand].sort());

    await env.db.webinar.delete({ where: { id: w.webinar.id } });
    expect(await filteredEmails(w.accountId)).toEqual([alsoElsewhere, byHand].sort());
    const released = await env.db.prospect.findFirstOrThrow({
      where: { accountId: w.accountId, email: { equals: onlyHere!, mode: "insensitive" } },
    });
    expect(released).toMatchObject({ filtered: false, filteredByExclusion: false });

    // Its connector deleted outright takes the other webinar, and the last of the staff, along.
    await env.db.connector.delete({ where: { id: w.connectorId } });
    expect(await filteredEmails(w.accountId)).toEqual([byHand]);
  });

  it("a cancelled webinar releases nobody filtered by hand or by another rule", async () => {
    const w = await upcomingWebinar();
    const [byHand, byAddress, byRole] = w.emails;
    await setExclusionRules({
      db: env.db,
      accountId: w.accountId,
      rules: [
        { kind: "GOTO_ROLE", value: "PANELIST" },
        { kind: "EMAIL", value: byAddress! },
      ],
    });
    await w.goto.createPanelists({
      organizerKey: w.organizerKey,
      webinarKey: w.webinarKey,
      panelists: [byHand!, byAddress!, byRole!].map((email) => ({ name: "Panel", email })),
    });
    await sync(w.webinar.id);
    // An operator filters one by hand (the flag is theirs now, not the rules').
    await env.db.prospect.updateMany({
      where: { accountId: w.accountId, email: { equals: byHand!, mode: "insensitive" } },
      data: { filtered: false },
    });
    await env.db.prospect.updateMany({
      where: { accountId: w.accountId, email: { equals: byHand!, mode: "insensitive" } },
      data: { filtered: true },
    });
    expect(await filteredEmails(w.accountId)).toEqual([byHand, byAddress, byRole].sort());
    await cancelWebinar({ db: env.db, webinar: w.webinar, now: env.now() });
    expect(await filteredEmails(w.accountId)).toEqual([byHand, byAddress].sort());
  });

  it("a role GoTo does not have is a 400 naming the rule", async () => {
    const { accountId } = await env.createConnector();
    await expect(
      setExclusionRules({ db: env.db, accountId, rules: [{ kind: "GOTO_ROLE", value: "ATTENDEE" }] }),
    ).rejects.toMatchObject({
      details: { field: "rules.0.value" },
      message: expect.stringContaining("ORGANIZER, PANELIST, CO_ORGANIZER"),
    });
  });
});
