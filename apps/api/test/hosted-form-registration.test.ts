import { createWebinar } from "@gw/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { createUserAndLogin } from "./auth-helpers";
import { formBody, submitFormJson, URLENCODED, useFormsEnv, waitFor } from "./forms-harness";

// End to end over HTTP: the hosted form on the API, the push job in a worker runtime in this
// process (same database and Redis prefix), and the GoTo stand-in behind the connector.
const env = useFormsEnv("formreg", {
  env: {
    FORM_RATE_LIMIT_PER_MINUTE: "10000",
    REGISTRATION_RETRY_BASE_MS: "100",
    REGISTRATION_RETRY_MAX_MS: "1000",
    REGISTRATION_SWEEP_EVERY_MS: "500",
  },
});
beforeEach(async () => {
  await env.sim.control.clearFaults();
  await env.startWorker();
});

/** Sent to GoTo with the registration (fields GoTo's form asks besides the required ones). */
const PROFILE = [{ name: "organization" }, { name: "jobTitle" }];

async function submit(formId: string, values: Record<string, string>) {
  const res = await env.api.app.inject({
    method: "POST",
    url: `/f/${formId}`,
    headers: URLENCODED,
    payload: formBody(values),
  });
  expect(res.statusCode, res.body).toBe(200);
}

const email = (name: string) => `${name}-${Math.random().toString(36).slice(2, 10)}@example.com`;

async function requestOf(address: string) {
  const prospect = await env.api.deps.db.prospect.findFirstOrThrow({ where: { email: address, mergedIntoId: null } });
  return env.api.deps.db.registrationRequest.findFirstOrThrow({
    where: { prospectId: prospect.id },
    orderBy: { createdAt: "desc" },
  });
}

const settled = (address: string, timeoutMs = 20_000) =>
  waitFor(
    `the registration of ${address} to settle`,
    async () => {
      const request = await requestOf(address).catch(() => undefined);
      return request && request.status !== "PENDING" ? request : undefined;
    },
    timeoutMs,
  );

describe("registering through a hosted form", () => {
  it("creates the registrant in GoTo with every mapped field and custom answer, and records it on the prospect", async () => {
    const webinar = await env.createWebinar({
      questions: [
        { question: "How did you hear about us?", type: "multipleChoice", answers: ["Search", "A friend"] },
        { question: "What should we cover?", type: "shortAnswer" },
      ],
    });
    const formId = await env.createRegisterForm(webinar.id, [
      ...PROFILE,
      { questionKey: webinar.questionKeys[0] },
      { questionKey: webinar.questionKeys[1] },
    ]);
    const gotoWebinar = await env.sim.control.webinar(webinar.webinarKey);
    const friend = gotoWebinar.questions[0]!.answers[1]!;
    const address = email("grace");
    await submit(formId, {
      email: address,
      firstName: "Grace",
      lastName: "Hopper",
      organization: "US Navy",
      jobTitle: "Rear Admiral",
      [`q${webinar.questionKeys[0]}`]: friend.answerKey,
      [`q${webinar.questionKeys[1]}`]: "Compilers, please",
    });

    const request = await settled(address);
    expect(request).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastError: null });
    const registrants = await env.sim.control.registrants(webinar.webinarKey);
    const registrant = registrants.find((r) => r.email === address)!;
    expect(registrant).toMatchObject({
      firstName: "Grace",
      lastName: "Hopper",
      origin: "api",
      fields: expect.objectContaining({ organization: "US Navy", jobTitle: "Rear Admiral", source: "Webinar sign-up" }),
    });
    expect(registrant.responses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          questionKey: webinar.questionKeys[0],
          answerKey: friend.answerKey,
          answer: "A friend",
        }),
        expect.objectContaining({ questionKey: webinar.questionKeys[1], responseText: "Compilers, please" }),
      ]),
    );
    expect(request.registrantKey).toBe(registrant.registrantKey);
    expect(request.joinUrl).toBe(registrant.joinUrl);

    const registration = await env.api.deps.db.webinarRegistration.findFirstOrThrow({
      where: { webinarId: webinar.id, prospectId: request.prospectId },
    });
    expect(registration).toMatchObject({
      registrantKey: registrant.registrantKey,
      joinUrl: registrant.joinUrl,
      source: "FORM",
      status: "APPROVED",
    });
    const activity = await env.api.deps.db.activity.findFirstOrThrow({
      where: { prospectId: request.prospectId, webinarId: webinar.id },
    });
    expect(activity).toMatchObject({ type: "REGISTERED", points: 10 });
    expect(activity.details).toMatchObject({ source: "form", formId, registrantKey: registrant.registrantKey });
    expect((await env.api.deps.db.prospect.findUniqueOrThrow({ where: { id: request.prospectId } })).score).toBe(10);
    // GoTo sends the confirmation (with the join link); we send nothing ourselves.
    expect((await env.sim.control.emails()).filter((e) => e.to === address).map((e) => e.kind)).toEqual([
      "confirmation",
    ]);
  });

  it("answers once GoTo Webinar has the registrant, and tells API callers whether it went through", async () => {
    const webinar = await env.createWebinar();
    const formId = await env.createRegisterForm(webinar.id, PROFILE);
    const post = (values: Record<string, string>) => submitFormJson(env, formId, values);

    const address = email("prompt");
    const registered = await post({ email: address, firstName: "Pat", lastName: "Prompt" });
    expect(registered.json()).toMatchObject({ status: "accepted", registrations: [{ status: "registered" }] });
    // Already in GoTo when the answer came.
    expect((await env.sim.control.registrants(webinar.webinarKey)).map((r) => r.email)).toEqual([address]);

    await env.sim.control.updateWebinar(webinar.webinarKey, { requiredFields: ["phone"] });
    const refused = await post({ email: email("refused"), firstName: "Rae", lastName: "Fused" });
    expect(refused.json()).toMatchObject({ status: "accepted", registrations: [{ status: "failed" }] });

    // No worker to push it: the answer comes at FORM_REGISTRATION_WAIT_MS (3 s here), still accepted.
    await env.sim.control.updateWebinar(webinar.webinarKey, { requiredFields: [] });
    await env.stopWorker();
    const late = email("late-push");
    const startedAt = Date.now();
    const pending = await post({ email: late, firstName: "Al", lastName: "Later" });
    expect(pending.json()).toMatchObject({ status: "accepted", registrations: [{ status: "pending" }] });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(2_900);
    await env.startWorker();
    expect(await settled(late)).toMatchObject({ status: "SUCCEEDED" });
  });

  it("resolves a duplicate to the existing registrant: no second registration, no error, points once", async () => {
    const webinar = await env.createWebinar();
    const formId = await env.createRegisterForm(webinar.id, PROFILE);
    const address = email("dup");
    const existing = await env.sim.control.register(webinar.webinarKey, {
      email: address,
      firstName: "Dup",
      lastName: "Licate",
    });

    await submit(formId, { email: address, firstName: "Dup", lastName: "Licate" });
    const first = await settled(address);
    expect(first).toMatchObject({ status: "SUCCEEDED", registrantKey: existing.registrantKey, lastError: null });

    await submit(formId, { email: address.toUpperCase(), firstName: "Dup", lastName: "Again" });
    const second = await waitFor("the second request", async () => {
      const requests = await env.api.deps.db.registrationRequest.findMany({ where: { prospectId: first.prospectId } });
      return requests.length === 2 && requests.every((r) => r.status === "SUCCEEDED") ? requests : undefined;
    });
    expect(second.map((r) => r.registrantKey)).toEqual([existing.registrantKey, existing.registrantKey]);
    expect(
      (await env.sim.control.registrants(webinar.webinarKey)).filter((r) => r.email.toLowerCase() === address),
    ).toHaveLength(1);
    expect(
      await env.api.deps.db.activity.count({
        where: { prospectId: first.prospectId, webinarId: webinar.id, type: "REGISTERED" },
      }),
    ).toBe(1);
    expect((await env.api.deps.db.prospect.findUniqueOrThrow({ where: { id: first.prospectId } })).score).toBe(10);
  });

  it("fails on GoTo's validation refusal with GoTo's message, lists it for admins, and an admin retry registers", async () => {
    const webinar = await env.createWebinar({ subject: "Strict webinar" });
    const formId = await env.createRegisterForm(webinar.id, PROFILE);
    // The organizer makes a field mandatory in GoTo after the form was built.
    await env.sim.control.updateWebinar(webinar.webinarKey, { requiredFields: ["phone"] });
    const address = email("strict");
    await submit(formId, { email: address, firstName: "Stella", lastName: "Strict" });

    const failed = await settled(address);
    expect(failed.status).toBe("FAILED");
    expect(failed.lastError).toBe("GoTo Webinar refused the registration: phone is required");
    expect(failed.attempts).toBe(1);

    const listed = await env.api.app.inject({
      method: "GET",
      url: "/api/registration-requests?status=FAILED",
      headers: env.user.headers,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().requests).toContainEqual(
      expect.objectContaining({
        id: failed.id,
        status: "FAILED",
        reason: "GoTo Webinar refused the registration: phone is required",
        prospect: expect.objectContaining({ email: address }),
        webinar: expect.objectContaining({ subject: "Strict webinar" }),
        formId,
      }),
    );
    const onProspect = await env.api.app.inject({
      method: "GET",
      url: `/api/registration-requests?prospectId=${failed.prospectId}`,
      headers: env.user.headers,
    });
    expect(onProspect.json().requests.map((r: { id: string }) => r.id)).toEqual([failed.id]);

    const marketer = await createUserAndLogin(env.api, { accountId: env.user.accountId, role: "MARKETER" });
    expect(
      (
        await env.api.app.inject({
          method: "POST",
          url: `/api/registration-requests/${failed.id}/retry`,
          headers: marketer.headers,
        })
      ).statusCode,
    ).toBe(403);

    await env.sim.control.updateWebinar(webinar.webinarKey, { requiredFields: [] });
    const retried = await env.api.app.inject({
      method: "POST",
      url: `/api/registration-requests/${failed.id}/retry`,
      headers: env.user.headers,
    });
    expect(retried.statusCode, retried.body).toBe(202);
    expect(retried.json()).toMatchObject({ id: failed.id, status: "PENDING" });
    const done = await settled(address);
    expect(done).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    expect((await env.sim.control.registrants(webinar.webinarKey)).map((r) => r.email)).toEqual([address]);

    const again = await env.api.app.inject({
      method: "POST",
      url: `/api/registration-requests/${failed.id}/retry`,
      headers: env.user.headers,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/is SUCCEEDED; only FAILED requests can be retried/);
  });

  it("keeps retrying while GoTo is down and registers everyone once when it is back: nothing lost", async () => {
    const webinar = await env.createWebinar();
    const formId = await env.createRegisterForm(webinar.id, PROFILE);
    // Every create-registrant fails for a while: 503s, then connections dropped.
    await env.sim.control.addFault({ method: "POST", path: "/registrants", type: "503", count: 12 });
    await env.sim.control.addFault({ method: "POST", path: "/registrants", type: "drop", count: 6 });
    const addresses = Array.from({ length: 4 }, (_, i) => email(`down${i}`));
    for (const address of addresses) await submit(formId, { email: address, firstName: "Patient", lastName: "Person" });

    const results = await Promise.all(addresses.map((address) => settled(address, 60_000)));
    expect(results.map((r) => r.status)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED"]);
    // Some pushes failed while GoTo was down and were retried by our backoff, not only the client's.
    expect(results.some((r) => r.attempts > 1)).toBe(true);
    expect((await env.sim.control.faults()).every((f) => f.remaining === 0)).toBe(true);
    const registrants = await env.sim.control.registrants(webinar.webinarKey);
    expect(registrants.map((r) => r.email).sort()).toEqual([...addresses].sort());
  }, 90_000);

  it("loses nothing when Redis is flushed between submit and push: the sweeper re-queues it", async () => {
    const webinar = await env.createWebinar();
    const formId = await env.createRegisterForm(webinar.id, PROFILE);
    await env.stopWorker();
    const address = email("flushed");
    await submit(formId, { email: address, firstName: "Flora", lastName: "Flush" });
    const request = await requestOf(address);
    expect(await env.api.deps.queues.registrations.getJob(`register-${request.id}-0`)).toBeDefined();

    // Only this test file's keys: the queue, its job and every scheduler are gone.
    const redis = env.api.redis.redis;
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${env.api.redis.prefix}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
    expect(await env.api.deps.queues.registrations.getJob(`register-${request.id}-0`)).toBeUndefined();

    await env.startWorker();
    const done = await settled(address);
    expect(done.status).toBe("SUCCEEDED");
    expect((await env.sim.control.registrants(webinar.webinarKey)).map((r) => r.email)).toEqual([address]);
  });

  it("fails a request whose webinar has started (or was cancelled) before the push, with that reason", async () => {
    const webinar = await env.createWebinar({ subject: "Soon" });
    const cancelled = await env.createWebinar({ subject: "Called off" });
    const formId = await env.createRegisterForm(webinar.id, PROFILE);
    const cancelledFormId = await env.createRegisterForm(cancelled.id, PROFILE);
    await env.stopWorker();
    const address = email("late");
    const other = email("cancel");
    await submit(formId, { email: address, firstName: "Lee", lastName: "Late" });
    await submit(cancelledFormId, { email: other, firstName: "Cal", lastName: "Cancel" });
    await env.api.deps.db.webinar.update({
      where: { id: webinar.id },
      data: { startsAt: new Date(Date.now() - 60_000), status: "LIVE" },
    });
    await env.api.deps.db.webinar.update({
      where: { id: cancelled.id },
      data: { status: "CANCELLED", cancelledAt: new Date() },
    });
    await env.startWorker();

    expect(await settled(address)).toMatchObject({
      status: "FAILED",
      lastError: 'Not registered: the webinar has started ("Soon")',
    });
    expect(await settled(other)).toMatchObject({
      status: "FAILED",
      lastError: 'Not registered: the webinar has been cancelled ("Called off")',
    });
    expect(await env.sim.control.registrants(webinar.webinarKey)).toEqual([]);
    expect(await env.sim.control.registrants(cancelled.webinarKey)).toEqual([]);
  });
});

describe("registering for a series", () => {
  async function seriesOf3() {
    const result = await env.sim.control.scenario({
      organizerKey: env.connector.organizerKey ?? undefined,
      webinars: [{ subject: "Series", type: "series", sessions: 3, startsInMinutes: 7 * 24 * 60, durationMinutes: 60 }],
    });
    const series = result.webinars[0]!;
    const db = env.api.deps.db;
    const program = await db.webinarProgram.create({
      data: {
        accountId: env.user.accountId,
        connectorId: env.connector.id,
        recurrenceKey: series.recurrenceKey!,
        subject: "Series",
      },
    });
    const rows = [];
    for (const session of series.sessions) {
      const row = await createWebinar(db, {
        accountId: env.user.accountId,
        connectorId: env.connector.id,
        webinarKey: session.webinarKey,
        subject: "Series",
        startsAt: new Date(session.startTime),
        endsAt: new Date(session.endTime),
        times: [{ startTime: session.startTime, endTime: session.endTime }],
      });
      rows.push(
        await db.webinar.update({ where: { id: row.id }, data: { programId: program.id, recurrenceType: "series" } }),
      );
    }
    return rows;
  }

  async function formFor(webinarId: string, sessions?: "picked" | "all") {
    return env.api.app.inject({
      method: "POST",
      url: "/api/forms",
      headers: env.user.headers,
      payload: {
        name: "Series sign-up",
        fields: [{ name: "email" }, { name: "firstName", required: true }, { name: "lastName", required: true }],
        completionActions: [{ type: "REGISTER_WEBINAR", webinarId, ...(sessions ? { sessions } : {}) }],
      },
    });
  }

  it("registers for every session of the series when the action says all, for the picked one otherwise", async () => {
    const sessions = await seriesOf3();
    const all = await formFor(sessions[0]!.id, "all");
    expect(all.statusCode, all.body).toBe(201);
    const address = email("series");
    await submit(all.json().id, { email: address, firstName: "Sam", lastName: "Series" });
    const prospect = await env.api.deps.db.prospect.findFirstOrThrow({ where: { email: address } });
    await waitFor(
      "three registrations to reach GoTo",
      async () =>
        (await env.api.deps.db.registrationRequest.count({
          where: { prospectId: prospect.id, status: "SUCCEEDED" },
        })) === 3,
      20_000,
    );
    for (const session of sessions) {
      const people = await env.sim.control.registrants(session.webinarKey);
      expect(people.map((p) => p.email)).toContain(address);
    }

    const picked = await formFor(sessions[1]!.id);
    const other = email("picked");
    await submit(picked.json().id, { email: other, firstName: "Pia", lastName: "Picked" });
    const pia = await env.api.deps.db.prospect.findFirstOrThrow({ where: { email: other } });
    const requests = await env.api.deps.db.registrationRequest.findMany({ where: { prospectId: pia.id } });
    expect(requests.map((r) => r.webinarId)).toEqual([sessions[1]!.id]);
  });

  it("refuses 'every session' for a webinar that is not part of a series, saying why", async () => {
    const single = await env.createWebinar();
    const res = await formFor(single.id, "all");
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/not a session of a series/);
  });
});
