import { createCampaign } from "@gw/domain/campaigns";
import { createConnectorGotoClient } from "@gw/domain/connectors";
import { deliverEndpoint, fanOutChangeEvents } from "@gw/domain/outbound";
import { createVerifiedConnector, startWebhookReceiver, type WebhookReceiver } from "@gw/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FormsEnv, formBody, startFormsEnv, URLENCODED, waitFor } from "./forms-harness";

// Consent checkboxes, source tracking (UTM → GoTo's `source` → the report) and the form's
// campaign, end to end: the hosted form over HTTP, the push job in a worker runtime, the stand-in.
let env: FormsEnv;
let receiver: WebhookReceiver;
let secret = "";

beforeAll(async () => {
  env = await startFormsEnv("formsource", {
    env: { FORM_RATE_LIMIT_PER_MINUTE: "10000", OUTBOUND_ALLOW_PRIVATE_URLS: "true" },
  });
  receiver = await startWebhookReceiver(() => secret);
});
afterAll(async () => {
  await receiver?.close();
  await env?.close();
});
beforeEach(async () => {
  await env.startWorker();
});

type EventData = { prospect: unknown; webinar: unknown; details: Record<string, unknown> };
const email = (name: string) => `${name}-${Math.random().toString(36).slice(2, 10)}@example.com`;

async function createForm(payload: Record<string, unknown>) {
  const res = await env.api.app.inject({ method: "POST", url: "/api/forms", headers: env.user.headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; consents: { name: string }[]; campaignId: string | null };
}

const registerForm = (webinarId: string, extra: Record<string, unknown> = {}) =>
  createForm({
    name: "Spring launch sign-up",
    fields: [{ name: "email" }, { name: "firstName", required: true }, { name: "lastName", required: true }],
    completionActions: [{ type: "REGISTER_WEBINAR", webinarId }],
    ...extra,
  });

const consents = [
  { name: "marketing-emails", text: "Send me product news by e-mail", version: "2026-11", required: false },
  { text: "I agree to the privacy policy", version: "v3", required: true },
];

async function requestSettled(prospectId: string) {
  return waitFor("the registration to settle", async () => {
    const request = await env.api.deps.db.registrationRequest.findFirst({ where: { prospectId } });
    return request && request.status !== "PENDING" ? request : undefined;
  });
}

describe("consent checkboxes", () => {
  it("renders each consent, refuses a required one unticked with a 400 naming it, and stores text and version", async () => {
    const form = await createForm({ name: "Newsletter", fields: [{ name: "email" }], consents });
    expect(form.consents.map((c) => c.name)).toEqual(["marketing-emails", "i-agree-to-the-privacy-policy"]);

    const page = await env.api.app.inject({ method: "GET", url: `/f/${form.id}` });
    expect(page.body).toContain('name="consent_marketing-emails" type="checkbox"');
    expect(page.body).toMatch(
      /<label for="f-consent_i-agree-to-the-privacy-policy">I agree to the privacy policy<\/label>/,
    );

    const address = email("consent");
    const refused = await env.api.app.inject({
      method: "POST",
      url: `/f/${form.id}`,
      headers: { accept: "application/json" },
      payload: { email: address, "consent_marketing-emails": true },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([
      {
        field: "consent_i-agree-to-the-privacy-policy",
        message: 'Tick the box to agree to "I agree to the privacy policy" (required)',
      },
    ]);
    expect(await env.api.deps.db.prospect.count({ where: { email: address } })).toBe(0);

    // The HTML answer keeps the boxes as they were and links the error to its checkbox.
    const again = await env.api.app.inject({
      method: "POST",
      url: `/f/${form.id}`,
      headers: URLENCODED,
      payload: formBody({ email: address, "consent_marketing-emails": "yes" }),
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('href="#f-consent_i-agree-to-the-privacy-policy"');
    expect(again.body).toMatch(/name="consent_marketing-emails" type="checkbox" value="yes" checked/);

    const accepted = await env.api.app.inject({
      method: "POST",
      url: `/f/${form.id}`,
      headers: URLENCODED,
      payload: formBody({ email: address, "consent_i-agree-to-the-privacy-policy": "yes" }),
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const prospect = await env.api.deps.db.prospect.findFirstOrThrow({ where: { email: address } });
    const submission = await env.api.deps.db.formSubmission.findFirstOrThrow({ where: { prospectId: prospect.id } });
    expect(submission.consents).toEqual([
      { name: "marketing-emails", text: "Send me product news by e-mail", version: "2026-11", given: false },
      { name: "i-agree-to-the-privacy-policy", text: "I agree to the privacy policy", version: "v3", given: true },
    ]);
    // Only what was given is on the prospect; an unticked box does not withdraw an earlier consent.
    expect(Object.keys(prospect.consents as object)).toEqual(["i-agree-to-the-privacy-policy"]);

    const detail = await env.api.app.inject({
      method: "GET",
      url: `/api/prospects/${prospect.id}`,
      headers: env.user.headers,
    });
    expect(detail.json().consents).toEqual([
      {
        name: "i-agree-to-the-privacy-policy",
        text: "I agree to the privacy policy",
        version: "v3",
        givenAt: expect.any(String),
        form: { id: form.id, name: "Newsletter" },
      },
    ]);
    const exported = await env.api.app.inject({
      method: "GET",
      url: `/api/prospects/${prospect.id}/export`,
      headers: env.user.headers,
    });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json().prospect.consents["i-agree-to-the-privacy-policy"]).toMatchObject({ version: "v3" });
    expect(exported.json().prospect.submissions[0].consents).toHaveLength(2);
  });

  it("refuses two consents of one name, naming the second", async () => {
    const res = await env.api.app.inject({
      method: "POST",
      url: "/api/forms",
      headers: env.user.headers,
      payload: {
        name: "Twice",
        fields: [{ name: "email" }],
        consents: [
          { name: "news", text: "News", version: "1" },
          { name: "news", text: "More news", version: "1" },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/consents\.1\.name|Two consents are named "news"/);
  });
});

describe("source tracking", () => {
  it("sends the UTM parameters of the form URL to GoTo as the registrant's source and reports by source", async () => {
    const webinar = await env.createWebinar({ startsInMinutes: 60 * 24 });
    const form = await registerForm(webinar.id);

    // The visit: the page keeps UTM parameters and the referrer in hidden inputs.
    const page = await env.api.app.inject({
      method: "GET",
      url: `/f/${form.id}?utm_source=newsletter&utm_medium=email&utm_campaign=spring`,
      headers: { referer: "https://blog.example.org/post" },
    });
    expect(page.body).toContain('<input type="hidden" name="utm_source" value="newsletter">');
    expect(page.body).toContain('<input type="hidden" name="referrer" value="https://blog.example.org/post">');

    const address = email("utm");
    const res = await env.api.app.inject({
      method: "POST",
      url: `/f/${form.id}`,
      headers: { ...URLENCODED, referer: `${env.api.config.http.publicUrl}/f/${form.id}` },
      payload: formBody({
        email: address,
        firstName: "Uma",
        lastName: "Tracker",
        utm_source: "newsletter",
        utm_medium: "email",
        utm_campaign: "spring",
        referrer: "https://blog.example.org/post",
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    const prospect = await env.api.deps.db.prospect.findFirstOrThrow({ where: { email: address } });
    expect((await requestSettled(prospect.id)).status).toBe("SUCCEEDED");

    const registrant = (await env.sim.control.registrants(webinar.webinarKey)).find((r) => r.email === address)!;
    expect(registrant.fields).toMatchObject({ source: "newsletter / spring" });
    const registration = await env.api.deps.db.webinarRegistration.findFirstOrThrow({
      where: { prospectId: prospect.id },
    });
    expect(registration.sourceLabel).toBe("newsletter / spring");
    expect(registration.utm).toEqual({
      utm_source: "newsletter",
      utm_medium: "email",
      utm_campaign: "spring",
      referrer: "https://blog.example.org/post",
    });
    const submission = await env.api.deps.db.formSubmission.findFirstOrThrow({ where: { prospectId: prospect.id } });
    expect(submission.utm).toEqual(registration.utm);

    // A second person straight from GoTo-less traffic: no UTM, so the form's name.
    const plain = email("plain");
    await env.api.app.inject({
      method: "POST",
      url: `/f/${form.id}`,
      headers: URLENCODED,
      payload: formBody({ email: plain, firstName: "Pia", lastName: "Plain" }),
    });
    const plainProspect = await env.api.deps.db.prospect.findFirstOrThrow({ where: { email: plain } });
    await requestSettled(plainProspect.id);

    const detail = await env.api.app.inject({
      method: "GET",
      url: `/api/reports/webinars/${webinar.id}`,
      headers: env.user.headers,
    });
    expect(detail.json().sources).toEqual(
      expect.arrayContaining([
        { source: "newsletter / spring", registered: 1, attended: null },
        { source: "Spring launch sign-up", registered: 1, attended: null },
      ]),
    );
    expect(detail.json().sources).toHaveLength(2);

    const drill = await env.api.app.inject({
      method: "GET",
      url: `/api/reports/webinars/${webinar.id}/prospects?segment=registered&source=${encodeURIComponent("newsletter / spring")}`,
      headers: env.user.headers,
    });
    expect(drill.json().items.map((p: { email: string; source: string }) => [p.email, p.source])).toEqual([
      [address, "newsletter / spring"],
    ]);
    const csv = await env.api.app.inject({
      method: "GET",
      url: `/api/reports/webinars/${webinar.id}/prospects.csv?source=${encodeURIComponent("newsletter / spring")}`,
      headers: env.user.headers,
    });
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/,Source$/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(address);
    expect(lines[1]).toMatch(/,newsletter \/ spring$/);
  });

  it("uses the account's template, validated, and drops the separators of empty parts", async () => {
    const bad = await env.api.app.inject({
      method: "PUT",
      url: "/api/settings/registrant-source",
      headers: env.user.headers,
      payload: { template: "{utm_source} via {channel}" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/Unknown placeholder \{channel\}/);

    const set = await env.api.app.inject({
      method: "PUT",
      url: "/api/settings/registrant-source",
      headers: env.user.headers,
      payload: { template: "{utm_medium} | {utm_source} | {utm_content}" },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ template: "{utm_medium} | {utm_source} | {utm_content}", isDefault: false });

    const webinar = await env.createWebinar({ startsInMinutes: 60 * 24 });
    const form = await registerForm(webinar.id);
    // Wait out the hosted form cache (2 s) by state: the page must be rendered after the change.
    const address = email("tpl");
    await waitFor("the template to apply", async () => {
      const res = await env.api.app.inject({
        method: "POST",
        url: `/f/${form.id}?utm_source=linkedin&utm_medium=social`,
        headers: { accept: "application/json" },
        payload: { email: address, firstName: "Tia", lastName: "Template" },
      });
      return res.statusCode === 200 ? true : undefined;
    });
    const prospect = await env.api.deps.db.prospect.findFirstOrThrow({ where: { email: address } });
    await requestSettled(prospect.id);
    const registrant = (await env.sim.control.registrants(webinar.webinarKey)).find((r) => r.email === address)!;
    expect(registrant.fields).toMatchObject({ source: "social | linkedin" });

    const reset = await env.api.app.inject({
      method: "PUT",
      url: "/api/settings/registrant-source",
      headers: env.user.headers,
      payload: { template: null },
    });
    expect(reset.json()).toMatchObject({ template: "{utm_source} / {utm_campaign}", isDefault: true });
  });
});

describe("the form's campaign", () => {
  it("gives a prospect the form creates the form's campaign, else the account's default, never the connector's", async () => {
    const { accountId } = env.user;
    const connectorCampaign = await createCampaign({ db: env.api.deps.db, accountId, name: "Connector campaign" });
    const formCampaign = await createCampaign({ db: env.api.deps.db, accountId, name: "Form campaign" });
    const defaultCampaign = await createCampaign({ db: env.api.deps.db, accountId, name: "Default campaign" });
    await env.api.deps.db.connector.update({
      where: { id: env.connector.id },
      data: { campaignId: connectorCampaign.id },
    });
    const setDefault = await env.api.app.inject({
      method: "PUT",
      url: "/api/settings/default-campaign",
      headers: env.user.headers,
      payload: { campaignId: defaultCampaign.id },
    });
    expect(setDefault.json()).toEqual({ campaign: { id: defaultCampaign.id, name: "Default campaign" } });

    const webinar = await env.createWebinar({ startsInMinutes: 60 * 24 });
    const withCampaign = await registerForm(webinar.id, { campaignId: formCampaign.id });
    expect(withCampaign.campaignId).toBe(formCampaign.id);
    const without = await registerForm(webinar.id);
    expect(without.campaignId).toBeNull();

    const submitTo = async (formId: string, address: string) => {
      const res = await env.api.app.inject({
        method: "POST",
        url: `/f/${formId}`,
        headers: URLENCODED,
        payload: formBody({ email: address, firstName: "Cam", lastName: "Paign" }),
      });
      expect(res.statusCode, res.body).toBe(200);
      return env.api.deps.db.prospect.findFirstOrThrow({ where: { email: address } });
    };
    expect((await submitTo(withCampaign.id, email("formcamp"))).campaignId).toBe(formCampaign.id);
    const byDefault = await submitTo(without.id, email("defaultcamp"));
    expect(byDefault.campaignId).toBe(defaultCampaign.id);
    // An existing prospect keeps the campaign it came in with.
    expect((await submitTo(withCampaign.id, byDefault.email)).campaignId).toBe(defaultCampaign.id);

    const foreign = await env.api.app.inject({
      method: "POST",
      url: "/api/forms",
      headers: env.user.headers,
      payload: { name: "Foreign", fields: [{ name: "email" }], campaignId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toMatch(/There is no campaign/);
  });
});

describe("events: form.submitted, registration.failed, connector.failed", () => {
  it("delivers them, signed, to a receiver verifying with the Standard Webhooks library, with the consent", async () => {
    const created = await env.api.app.inject({
      method: "POST",
      url: "/api/endpoints",
      headers: env.user.headers,
      payload: { url: receiver.url, eventTypes: ["form.submitted", "registration.failed", "connector.failed"] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const endpoint = created.json() as { id: string; secret: string };
    secret = endpoint.secret;

    // GoTo refuses: the organizer made phone mandatory after the form was built.
    const webinar = await env.createWebinar({ subject: "Strict launch", startsInMinutes: 60 * 24 });
    const form = await registerForm(webinar.id, { consents: [consents[1]] });
    await env.sim.control.updateWebinar(webinar.webinarKey, { requiredFields: ["phone"] });
    const address = email("events");
    const res = await env.api.app.inject({
      method: "POST",
      url: `/f/${form.id}?utm_source=ads`,
      headers: URLENCODED,
      payload: formBody({
        email: address,
        firstName: "Eve",
        lastName: "Vent",
        "consent_i-agree-to-the-privacy-policy": "on",
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    const prospect = await env.api.deps.db.prospect.findFirstOrThrow({ where: { email: address } });
    expect((await requestSettled(prospect.id)).status).toBe("FAILED");

    // Tokens revoked: a second connector's refresh is refused.
    const { connector, organizer } = await createVerifiedConnector(env.api.deps.db, env.api.deps.secretBox, {
      accountId: env.user.accountId,
      sim: env.sim,
    });
    await env.sim.control.revokeTokens({ organizerKey: organizer.organizerKey, accessTokens: true });
    const client = await createConnectorGotoClient({
      db: env.api.deps.db,
      config: env.api.config,
      secretBox: env.api.deps.secretBox,
      connectorId: connector.id,
    });
    await expect(client.getIdentity()).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const deliver = async () => {
      await fanOutChangeEvents({ db: env.api.deps.db, giveUpAfterMs: 60_000 });
      await deliverEndpoint({
        db: env.api.deps.db,
        secretBox: env.api.deps.secretBox,
        endpointId: endpoint.id,
        policy: { allowPrivateUrls: true, timeoutMs: 5_000, maxResponseBytes: 1_024 },
        backoff: { baseMs: 10, maxMs: 10 },
        disableAfterMs: 86_400_000,
      });
      const types = new Set(
        receiver.received
          .filter(
            (e) =>
              (e.payload.data.prospect as { email?: string } | null)?.email === address ||
              e.type === "connector.failed",
          )
          .map((e) => e.type),
      );
      return types.size === 3 ? true : undefined;
    };
    await waitFor("the three events at the receiver", deliver, 20_000, 100);
    expect(receiver.rejected).toBe(0);

    // Events of the earlier tests arrive too (the log is read from its start): pick this test's.
    const byType = (type: string) =>
      receiver.received.find(
        (e) =>
          e.type === type &&
          (type === "connector.failed"
            ? (e.payload.data.details as { connectorId?: string }).connectorId === connector.id
            : (e.payload.data.prospect as { email?: string } | null)?.email === address),
      )!.payload.data;
    const submitted = byType("form.submitted") as EventData;
    expect(submitted.prospect).toMatchObject({
      email: address,
      consents: { "i-agree-to-the-privacy-policy": { text: "I agree to the privacy policy", version: "v3" } },
    });
    expect(submitted.details).toMatchObject({
      formId: form.id,
      formName: "Spring launch sign-up",
      prospectCreated: true,
      answers: { email: address, firstName: "Eve", lastName: "Vent" },
      utm: { utm_source: "ads" },
      consents: [expect.objectContaining({ name: "i-agree-to-the-privacy-policy", given: true })],
    });
    const failed = byType("registration.failed") as EventData;
    expect(failed.webinar).toMatchObject({ id: webinar.id, subject: "Strict launch" });
    expect(failed.details).toMatchObject({ reason: "GoTo Webinar refused the registration: phone is required" });
    const connectorFailed = byType("connector.failed") as EventData;
    expect(connectorFailed.details).toMatchObject({ connectorId: connector.id, reason: "tokens_revoked" });
    expect(String(connectorFailed.details.message)).toMatch(/invalid_grant/);
  });
});
