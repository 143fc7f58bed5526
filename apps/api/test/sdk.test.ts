import type { AddressInfo } from "node:net";
import { ApiError, createClient, loginWithPassword, type Schemas, unwrap, type WebinarSyncClient } from "@gw/sdk";
import { createConnector, createProspect, createRegistration, createWebinar } from "@gw/testing";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createUserAndLogin, type LoggedInUser } from "./auth-helpers";
import { useTestApi } from "./helpers";

// The SDK against the real API over HTTP (a listening port, real Postgres and Redis), the way an
// integrator's script would use it. The expectTypeOf lines are checked by tsc: a shape change in
// the API that the regenerated types carry breaks the typecheck here.

const DAY = 86_400_000;

let admin: LoggedInUser;
let baseUrl: string;
let bearer: WebinarSyncClient;
const ids = { webinar: "", ann: "", bob: "" };

const api = useTestApi("sdk");
beforeAll(async () => {
  await api.app.listen({ host: "127.0.0.1", port: 0 });
  baseUrl = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
  admin = await createUserAndLogin(api);

  const db = api.deps.db;
  const accountId = admin.accountId;
  const connector = await createConnector(db, { accountId, name: "Main organizer" });
  const webinar = await createWebinar(db, {
    accountId,
    connectorId: connector.id,
    subject: "SDK launch review",
    startsAt: new Date(Date.now() - 2 * DAY),
    status: "ENDED",
  });
  const ann = await createProspect(db, { accountId, email: "ann@acme.test", firstName: "Ann", lastName: "Archer" });
  const bob = await createProspect(db, { accountId, email: "bob@bolt.test", firstName: "Bob", lastName: "Baker" });
  await createRegistration(db, {
    accountId,
    webinarId: webinar.id,
    prospectId: ann.id,
    attended: true,
    attendanceSeconds: 2700,
  });
  await createRegistration(db, { accountId, webinarId: webinar.id, prospectId: bob.id });
  Object.assign(ids, { webinar: webinar.id, ann: ann.id, bob: bob.id });
});

/** A session client for the admin, logged in over HTTP, the way a person's script would. */
const adminSession = () => loginWithPassword({ baseUrl, email: admin.email, password: admin.password });

describe("the SDK with a session (cookie + CSRF token)", () => {
  it("logs in, reads, and creates an API token, the CSRF token going along", async () => {
    const { client, session } = await adminSession();
    const me = unwrap(await client.GET("/api/auth/me"));
    expect(me.user.email).toBe(admin.email);

    const created = unwrap(await client.POST("/api/tokens", { body: { name: "CRM sync", scopes: ["read", "write"] } }));
    expectTypeOf(created.token).toEqualTypeOf<string>();
    expect(created.token).toMatch(/^gwt_/);
    expect(created.scopes).toEqual(["read", "write"]);

    // The same session with a wrong CSRF token: the write is refused, so the SDK's header is what let it in.
    const forged = createClient({ baseUrl, session: { cookie: session.cookie, csrfToken: "not-the-token" } });
    const refused = await forged.POST("/api/lists", { body: { name: "Never made" } });
    expect(refused.response.status).toBe(403);
    expect(await api.deps.db.list.count({ where: { name: "Never made" } })).toBe(0);
  });
});

describe("the SDK with an API token (bearer)", () => {
  beforeAll(async () => {
    const { client } = await adminSession();
    const { token } = unwrap(
      await client.POST("/api/tokens", { body: { name: "Warehouse", scopes: ["read", "write"] } }),
    );
    bearer = createClient({ baseUrl, token });
  });

  it("lists finished webinars with their counts", async () => {
    const report = unwrap(await bearer.GET("/api/reports/webinars", { params: { query: { tab: "finished" } } }));
    const row = report.items.find((item) => item.id === ids.webinar);
    expectTypeOf(report.items).toEqualTypeOf<Schemas["WebinarReportRow"][]>();
    expectTypeOf<Schemas["WebinarReportRow"]["registered"]>().toEqualTypeOf<number>();
    expectTypeOf<Schemas["WebinarReportRow"]["attended"]>().toEqualTypeOf<number | null>();
    expect(row).toMatchObject({ subject: "SDK launch review", status: "ENDED", registered: 2, attended: 1, absent: 1 });
  });

  it("drills down into who attended and who stayed away", async () => {
    const drill = (segment: "attended" | "absent") =>
      bearer.GET("/api/reports/webinars/{id}/prospects", {
        params: { path: { id: ids.webinar }, query: { segment } },
      });
    const attended = unwrap(await drill("attended"));
    expectTypeOf(attended.items[0]!.minutesAttended).toEqualTypeOf<number>();
    expect(attended.items.map((p) => [p.email, p.attended, p.minutesAttended])).toEqual([["ann@acme.test", true, 45]]);
    const absent = unwrap(await drill("absent"));
    expect(absent.items.map((p) => p.email)).toEqual(["bob@bolt.test"]);
  });

  it("creates a list, fills it from the drill-down and from a hosted form submission", async () => {
    const list = unwrap(await bearer.POST("/api/lists", { body: { name: "Webinar follow-up" } }));
    expectTypeOf(list).toEqualTypeOf<Schemas["List"]>();
    expect(list).toMatchObject({ name: "Webinar follow-up", kind: "STATIC" });

    const added = unwrap(
      await bearer.POST("/api/reports/webinars/{id}/prospects/actions", {
        params: { path: { id: ids.webinar } },
        body: { segment: "absent", prospectIds: "all", action: "ADD_TO_LIST", listId: list.id },
      }),
    );
    expect(added).toMatchObject({ matched: 1, affected: 1, target: { id: list.id } });

    const form = unwrap(
      await bearer.POST("/api/forms", {
        body: {
          name: "Replay request",
          fields: [{ name: "email" }, { name: "firstName" }, { name: "lastName" }],
          completionActions: [{ type: "ADD_TO_LIST", listId: list.id }],
        },
      }),
    );
    // The hosted form is public: the token is not what lets this in, but the SDK sends the same way.
    const submitted = unwrap(
      await bearer.POST("/f/{formId}", {
        params: { path: { formId: form.id } },
        body: { email: "cat@corp.test", firstName: "Cat", lastName: "Cole" },
      }),
    );
    expectTypeOf(submitted.status).toEqualTypeOf<"accepted">();
    expect(submitted.status).toBe("accepted");

    const members = unwrap(await bearer.GET("/api/lists/{id}/members", { params: { path: { id: list.id } } }));
    expect(members.items.map((m) => m.email).sort()).toEqual(["bob@bolt.test", "cat@corp.test"]);
  });

  it("answers a refusal with the typed error body naming the field", async () => {
    const { error, response } = await bearer.POST("/api/lists", { body: { name: "" } });
    expect(response.status).toBe(400);
    expect(error?.fields?.map((f) => f.field)).toContain("body.name");
    expect(() => unwrap({ error, response })).toThrow(ApiError);
  });
});
