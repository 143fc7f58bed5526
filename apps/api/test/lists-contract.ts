import { randomUUID } from "node:crypto";
import { createProspect } from "@gw/testing";
import { expect, it } from "vitest";
import { createUserAndLogin, type LoggedInUser, useUser } from "./auth-helpers";
import { injectAs, useTestApi } from "./helpers";

/** The same contract for lists and tags: `members` is where each keeps its prospects. */
export function describeCollection(
  kind: "lists" | "tags",
  members: "members" | "prospects",
  countField: "memberCount" | "prospectCount",
) {
  const api = useTestApi(kind);
  const me = useUser(api);
  const them = useUser(api);
  const base = `/api/${kind}`;

  const inject = injectAs(api, me);
  const create = async (name: string, user: LoggedInUser = me) => (await inject("POST", base, { name }, user)).json();

  it("creates, reads, renames and deletes", async () => {
    const created = await inject("POST", base, { name: "  Webinar fans " });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toEqual({
      id: expect.any(String),
      name: "Webinar fans",
      ...(kind === "lists" ? { kind: "STATIC" } : {}),
      [countField]: 0,
      createdAt: expect.any(String),
    });
    expect((await inject("GET", `${base}/${item.id}`)).json()).toEqual(item);
    const renamed = await inject("PATCH", `${base}/${item.id}`, { name: "Webinar lovers" });
    expect(renamed.json()).toMatchObject({ id: item.id, name: "Webinar lovers" });
    expect((await inject("DELETE", `${base}/${item.id}`)).statusCode).toBe(204);
    expect((await inject("GET", `${base}/${item.id}`)).statusCode).toBe(404);
  });

  it("answers 409 with a clear message for a name already used in the account", async () => {
    await create("Customers");
    const dup = await inject("POST", base, { name: "customers" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      statusCode: 409,
      error: "Conflict",
      message: expect.stringContaining('"Customers" already exists'),
    });
    const other = await create("Other");
    expect((await inject("PATCH", `${base}/${other.id}`, { name: "CUSTOMERS" })).statusCode).toBe(409);
    // Another account may have the same name.
    expect((await inject("POST", base, { name: "Customers" }, them)).statusCode).toBe(201);
  });

  it("answers 400 naming the field", async () => {
    const blank = await inject("POST", base, { name: "   " });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields).toEqual([{ field: "body.name", message: "name must not be blank" }]);
    const page = await inject("GET", `${base}?pageSize=1000`);
    expect(page.json().fields[0].field).toBe("querystring.pageSize");
    const ids = await inject("POST", `${base}/${randomUUID()}/${members}`, { prospectIds: [] });
    expect(ids.json().fields[0].field).toBe("body.prospectIds");
  });

  it("lists by name with counts and pages", async () => {
    const owner = await createUserAndLogin(api);
    for (const name of ["b", "C", "a"]) await create(name, owner);
    const page = (await inject("GET", `${base}?pageSize=2`, undefined, owner)).json();
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.items.map((i: { name: string }) => i.name)).toEqual(["a", "b"]);
    expect(
      (await inject("GET", `${base}?q=C`, undefined, owner)).json().items.map((i: { name: string }) => i.name),
    ).toEqual(["C"]);
  });

  it("adds prospects idempotently, lists them and removes them", async () => {
    const item = await create("Members here");
    const p1 = await createProspect(api.deps.db, { accountId: me.accountId });
    const p2 = await createProspect(api.deps.db, { accountId: me.accountId });
    const add = await inject("POST", `${base}/${item.id}/${members}`, { prospectIds: [p1.id, p2.id] });
    expect(add.json()).toEqual({ affected: 2 });
    expect((await inject("POST", `${base}/${item.id}/${members}`, { prospectIds: [p1.id] })).json()).toEqual({
      affected: 0,
    });
    const listed = (await inject("GET", `${base}/${item.id}/${members}`)).json();
    expect(listed.total).toBe(2);
    expect(listed.items[0]).toEqual({
      id: expect.any(String),
      email: expect.any(String),
      firstName: "Pat",
      lastName: expect.any(String),
      company: null,
      addedAt: expect.any(String),
    });
    expect((await inject("GET", `${base}/${item.id}`)).json()[countField]).toBe(2);
    expect((await inject("DELETE", `${base}/${item.id}/${members}/${p1.id}`)).statusCode).toBe(204);
    expect((await inject("DELETE", `${base}/${item.id}/${members}/${p1.id}`)).statusCode).toBe(204);
    expect(
      (await inject("GET", `${base}/${item.id}/${members}`)).json().items.map((m: { id: string }) => m.id),
    ).toEqual([p2.id]);
  });

  it("answers 404 for another account's ids on every verb and changes nothing", async () => {
    const theirs = await create("Theirs", them);
    const mine = await create("Mine");
    const theirProspect = await createProspect(api.deps.db, { accountId: them.accountId });
    const myProspect = await createProspect(api.deps.db, { accountId: me.accountId });
    const calls: [Parameters<typeof inject>[0], string, object?][] = [
      ["GET", `${base}/${theirs.id}`],
      ["PATCH", `${base}/${theirs.id}`, { name: "Hijacked" }],
      ["DELETE", `${base}/${theirs.id}`],
      ["GET", `${base}/${theirs.id}/${members}`],
      ["POST", `${base}/${theirs.id}/${members}`, { prospectIds: [myProspect.id] }],
      ["DELETE", `${base}/${theirs.id}/${members}/${theirProspect.id}`],
      ["POST", `${base}/${mine.id}/${members}`, { prospectIds: [theirProspect.id] }],
      ["DELETE", `${base}/${mine.id}/${members}/${theirProspect.id}`],
    ];
    for (const [method, url, payload] of calls) {
      const res = await inject(method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const still = (await inject("GET", `${base}/${theirs.id}`, undefined, them)).json();
    expect(still).toMatchObject({ name: "Theirs", [countField]: 0 });
    expect((await inject("GET", `${base}/${mine.id}`)).json()[countField]).toBe(0);
  });

  it("needs a session and the CSRF token", async () => {
    expect((await api.app.inject({ method: "GET", url: base })).statusCode).toBe(401);
    const noToken = await api.app.inject({
      method: "POST",
      url: base,
      payload: { name: "x" },
      headers: { cookie: me.headers.cookie },
    });
    expect(noToken.statusCode).toBe(403);
  });

  it("is documented in OpenAPI", async () => {
    const doc = (await api.app.inject({ method: "GET", url: "/docs/json" })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([base, `${base}/{id}`, `${base}/{id}/${members}`, `${base}/{id}/${members}/{prospectId}`]),
    );
    expect(doc.paths[base].post.tags).toEqual([kind]);
  });
}
