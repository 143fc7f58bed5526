import { createConnector, createProspect, createWebinar } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { createUserAndLogin, useUser } from "./auth-helpers";
import { asUser, useTestApi } from "./helpers";

const api = useTestApi("regrequests");
const admin = useUser(api);

async function seedRequest(
  accountId: string,
  data: { status: "PENDING" | "SUCCEEDED" | "FAILED"; lastError?: string; attempts?: number },
) {
  const connector = await createConnector(api.deps.db, { accountId, status: "VERIFIED" });
  const webinar = await createWebinar(api.deps.db, {
    accountId,
    connectorId: connector.id,
    subject: `Webinar for ${data.status}`,
  });
  const prospect = await createProspect(api.deps.db, { accountId });
  const request = await api.deps.db.registrationRequest.create({
    data: {
      accountId,
      prospectId: prospect.id,
      webinarId: webinar.id,
      payload: { email: prospect.email, firstName: "Pat", lastName: "Doe", fields: {}, responses: [], source: "t" },
      giveUpAt: new Date(Date.now() - 1000),
      status: data.status,
      lastError: data.lastError ?? null,
      attempts: data.attempts ?? 1,
      completedAt: data.status === "PENDING" ? null : new Date(),
    },
  });
  return { request, prospect, webinar };
}

describe("registration requests API", () => {
  it("lists the failed registrations with the prospect's e-mail, the webinar and the reason", async () => {
    const failed = await seedRequest(admin.accountId, {
      status: "FAILED",
      lastError: "GoTo Webinar refused the registration: phone is required",
    });
    const succeeded = await seedRequest(admin.accountId, { status: "SUCCEEDED" });
    const res = await asUser(api, admin).get("/api/registration-requests?status=FAILED");
    expect(res.statusCode).toBe(200);
    const ids = res.json().requests.map((r: { id: string }) => r.id);
    expect(ids).toContain(failed.request.id);
    expect(ids).not.toContain(succeeded.request.id);
    expect(res.json().requests.find((r: { id: string }) => r.id === failed.request.id)).toMatchObject({
      status: "FAILED",
      reason: "GoTo Webinar refused the registration: phone is required",
      attempts: 1,
      prospect: { id: failed.prospect.id, email: failed.prospect.email },
      webinar: { id: failed.webinar.id, subject: "Webinar for FAILED" },
    });
    const bad = await asUser(api, admin).get("/api/registration-requests?status=LOST");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe("querystring.status");
    expect((await api.app.inject({ method: "GET", url: "/api/registration-requests" })).statusCode).toBe(401);
  });

  it("retries a failed request: PENDING again, a fresh 24-hour window, its push enqueued", async () => {
    const { request } = await seedRequest(admin.accountId, {
      status: "FAILED",
      lastError: "GoTo Webinar was unreachable for 24 hours",
      attempts: 40,
    });
    const res = await asUser(api, admin).post(`/api/registration-requests/${request.id}/retry`);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ id: request.id, status: "PENDING", attempts: 40, completedAt: null });
    const row = await api.deps.db.registrationRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row.giveUpAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const job = await api.deps.queues.registrations.getJob(`register-${request.id}-40`);
    expect(job?.data.payload).toEqual({ requestId: request.id, attempt: 40 });
    const again = await asUser(api, admin).post(`/api/registration-requests/${request.id}/retry`);
    expect(again.statusCode).toBe(409);
  });

  it("keeps each account's requests to itself", async () => {
    const { request } = await seedRequest(admin.accountId, { status: "FAILED", lastError: "x" });
    const stranger = await createUserAndLogin(api);
    const list = await asUser(api, stranger).get("/api/registration-requests?status=FAILED");
    expect(list.json().requests).toEqual([]);
    const retry = await asUser(api, stranger).post(`/api/registration-requests/${request.id}/retry`);
    expect(retry.statusCode).toBe(404);
  });
});
