import { afterAll, describe, expect, it } from "vitest";
import { HOUR, REST, request, startTestSim } from "./helpers";

const sim = await startTestSim();
afterAll(() => sim.close());

const range = "fromTime=2000-01-01T00:00:00Z&toTime=2100-01-01T00:00:00Z";

function expectInvalidToken(res: { status: number; text: string; headers: Headers }) {
  expect(res.status).toBe(403);
  expect(res.text).toBe('{"int_err_code":"InvalidToken","msg":"Invalid token passed"}');
  expect(res.headers.get("x-amzn-errortype")).toBe("UnauthorizedException");
}

describe("token checks on the REST API", () => {
  it("answers 403 InvalidToken for a missing or garbage token", async () => {
    expectInvalidToken(await request(`${sim.url}${REST}/organizers/${sim.organizerKey}/webinars?${range}`));
    expectInvalidToken(await sim.api(`/organizers/${sim.organizerKey}/webinars?${range}`, { token: "garbage" }));
  });

  it("accepts the legacy OAuth oauth_token= header", async () => {
    const res = await request(`${sim.url}${REST}/organizers/${sim.organizerKey}/webinars?${range}`, {
      headers: { authorization: `OAuth oauth_token=${sim.token}` },
    });
    expect(res.status).toBe(200);
  });

  it("expires access tokens by the sim clock", async () => {
    const { access_token } = await sim.control.issueToken();
    expect((await sim.api(`/organizers/${sim.organizerKey}/webinars?${range}`, { token: access_token })).status).toBe(
      200,
    );
    await sim.control.advanceClock(HOUR + 1000);
    expectInvalidToken(await sim.api(`/organizers/${sim.organizerKey}/webinars?${range}`, { token: access_token }));
  });

  it("expires tokens on demand and revokes them", async () => {
    const a = await sim.control.issueToken();
    await sim.control.expireTokens(sim.organizerKey);
    expectInvalidToken(await sim.api(`/organizers/${sim.organizerKey}/webinars?${range}`, { token: a.access_token }));
    const b = await sim.control.issueToken();
    await sim.control.revokeTokens({ organizerKey: sim.organizerKey, accessTokens: true });
    expectInvalidToken(await sim.api(`/organizers/${sim.organizerKey}/webinars?${range}`, { token: b.access_token }));
  });

  it("refuses another organizer's path with 403 and another organizer's webinar with 404", async () => {
    const { access_token } = await sim.control.issueToken();
    const other = await sim.control.createOrganizer({ email: "other@example.com", firstName: "O", lastName: "Ther" });
    const forbidden = await sim.api(`/organizers/${other.organizerKey}/webinars?${range}`, { token: access_token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.errorCode).toBe("AccessDenied");
    const seeded = await sim.control.scenario({
      organizerKey: other.organizerKey,
      webinars: [{ startsInMinutes: 60 }],
    });
    const key = seeded.webinars[0]?.webinarKey;
    const hidden = await sim.api(`/organizers/${sim.organizerKey}/webinars/${key}`, { token: access_token });
    expect(hidden.status).toBe(404);
    expect(hidden.json).toMatchObject({ errorCode: "NotFound" });
    expect(hidden.json.incident).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("identity endpoints", () => {
  it("Users/me names the organizer and account; a bad token gets 401 with an empty body", async () => {
    const { access_token } = await sim.control.issueToken();
    const me = await request(`${sim.url}/identity/v1/Users/me`, { token: access_token });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ id: sim.organizerKey, userName: "organizer@example.com" });
    expect(me.json.accounts[0].value).toBe(sim.accountKey);
    const bad = await request(`${sim.url}/identity/v1/Users/me`, { token: "nope" });
    expect(bad.status).toBe(401);
    expect(bad.text).toBe("");
    expect(bad.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
  });

  it("admin/rest/v1/me gives key and accountKey", async () => {
    const { access_token } = await sim.control.issueToken();
    const me = await request(`${sim.url}/admin/rest/v1/me`, { token: access_token });
    expect(me.json).toMatchObject({ key: sim.organizerKey, accountKey: sim.accountKey, products: ["G2M", "G2W"] });
    expect(typeof me.json.createTime).toBe("number");
  });

  it("answers unrouted paths with the gateway's NOT_FOUND body", async () => {
    const res = await request(`${sim.url}${REST}/nothing/here`);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ errorCode: "NOT_FOUND", message: `No route found for GET ${REST}/nothing/here` });
  });
});
