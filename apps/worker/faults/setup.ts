import { enqueue, syncWebinarJob } from "@gw/queues";
import { createVerifiedConnector, createWebinar, waitUntil } from "@gw/testing";
import { afterAll, beforeAll, expect } from "vitest";
import { createUserAndLogin, type LoggedInUser } from "../../api/test/auth-helpers";
import type { TestApi } from "../../api/test/helpers";
import { type FaultCluster, startFaultCluster } from "./cluster";

export interface FormSetup {
  user: LoggedInUser;
  connectorId: string;
  webinar: { id: string; webinarKey: string };
  formId: string;
}

/** An admin, a verified connector, a webinar a week out and a form registering for it (+5 points). */
export async function setUpRegisteringForm(
  cluster: FaultCluster,
  options: { registrants?: number } = {},
): Promise<FormSetup> {
  const user = await createUserAndLogin(cluster.api as unknown as TestApi);
  const { connector } = await createVerifiedConnector(cluster.db, cluster.secretBox, {
    accountId: user.accountId,
    sim: cluster.sim,
  });
  const scenario = await cluster.sim.control.scenario({
    organizerKey: connector.organizerKey ?? undefined,
    webinars: [
      {
        subject: "Fault drill",
        startsInMinutes: 7 * 24 * 60,
        durationMinutes: 60,
        registrants: options.registrants ?? 0,
      },
    ],
  });
  const created = scenario.webinars[0]!;
  const row = await createWebinar(cluster.db, {
    accountId: user.accountId,
    connectorId: connector.id,
    webinarKey: created.webinarKey,
    subject: created.subject,
    startsAt: new Date(created.times[0]!.startTime),
    endsAt: new Date(created.times.at(-1)!.endTime),
    times: created.times,
  });
  const res = await cluster.api.app.inject({
    method: "POST",
    url: "/api/forms",
    headers: user.headers,
    payload: {
      name: "Fault drill sign-up",
      fields: [{ name: "email" }, { name: "firstName", required: true }, { name: "lastName", required: true }],
      completionActions: [
        { type: "REGISTER_WEBINAR", webinarId: row.id },
        { type: "ADJUST_SCORE", points: 5 },
      ],
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return {
    user,
    connectorId: connector.id,
    webinar: { id: row.id, webinarKey: created.webinarKey },
    formId: res.json().id,
  };
}

export function submitForm(cluster: FaultCluster, formId: string, email: string, ip = "10.9.0.1") {
  return cluster.api.app.inject({
    method: "POST",
    url: `/f/${formId}`,
    remoteAddress: ip,
    headers: { accept: "application/json", "content-type": "application/json" },
    payload: { email, firstName: "Fault", lastName: email.split("@")[0]! },
  });
}

/**
 * The bar of issue 19: nothing lost, nothing twice. Each e-mail is one registrant in GoTo, one
 * registration and one REGISTERED activity here, and every prospect's score is the sum of its
 * activities' points plus the form's adjustments.
 */
export async function assertExactlyOnce(cluster: FaultCluster, setup: FormSetup, emails: string[]) {
  const registrants = await cluster.sim.control.registrants(setup.webinar.webinarKey);
  const inGoto = registrants.map((r) => r.email.toLowerCase()).sort();
  const registrations = await cluster.db.webinarRegistration.findMany({
    where: { webinarId: setup.webinar.id },
    include: { prospect: { include: { activities: true } } },
  });
  const requests = await cluster.db.registrationRequest.findMany({ where: { webinarId: setup.webinar.id } });
  const submissions = await cluster.db.formSubmission.findMany({ where: { formId: setup.formId } });
  const problems: string[] = [];
  const expected = [...emails].map((e) => e.toLowerCase()).sort();
  if (JSON.stringify(inGoto) !== JSON.stringify(expected))
    problems.push(`GoTo registrants ${inGoto.length} (expected ${expected.length}, each once)`);
  if (registrations.length !== emails.length) problems.push(`registrations ${registrations.length}`);
  if (requests.length !== emails.length) problems.push(`registration requests ${requests.length}`);
  if (requests.some((r) => r.status !== "SUCCEEDED")) problems.push("a registration request did not succeed");
  if (submissions.length !== emails.length) problems.push(`form submissions ${submissions.length}`);
  for (const registration of registrations) {
    const { prospect } = registration;
    const registered = prospect.activities.filter((a) => a.type === "REGISTERED" && a.webinarId === setup.webinar.id);
    if (registered.length !== 1) problems.push(`${prospect.email}: ${registered.length} REGISTERED activities`);
    const points = prospect.activities.reduce((sum, a) => sum + a.points, 0);
    const adjustments = 5 * submissions.filter((s) => s.prospectId === prospect.id).length;
    if (prospect.score !== points + adjustments)
      problems.push(`${prospect.email}: score ${prospect.score} is not ${points} (activities) + ${adjustments} (form)`);
  }
  if (problems.length > 0) throw new Error(`not exactly once:\n- ${problems.join("\n- ")}`);
}

/** The drill's state before the fault: each form taken, and every registration so far in GoTo. */
export async function submitAccepted(
  drill: { cluster: FaultCluster; setup: FormSetup },
  emails: string[],
  ipPrefix: string,
) {
  const { cluster, setup } = drill;
  for (const [i, email] of emails.entries())
    expect((await submitForm(cluster, setup.formId, email, `${ipPrefix}${i}`)).statusCode).toBe(200);
  await allRequestsSucceeded(cluster, setup.webinar.id, emails.length);
}

/** A sync of the drill's webinar asked for now, as the scheduler does when it is due. */
export const enqueueSync = (drill: { cluster: FaultCluster; setup: FormSetup }) =>
  enqueue(drill.cluster.api.deps.queues, syncWebinarJob, {
    webinarId: drill.setup.webinar.id,
    dueAt: new Date().toISOString(),
  });

/**
 * The bar after an outage: registrations pushed and a sync done within 15 s of the service coming
 * back (`pushed`, `synced` in seconds), the worker never crashed, and each accepted e-mail in GoTo once.
 */
export async function expectRecovered(
  drill: { cluster: FaultCluster; setup: FormSetup },
  after: { pushed: number; synced: number; accepted: string[] },
) {
  expect(after.pushed).toBeLessThanOrEqual(15);
  expect(after.synced).toBeLessThanOrEqual(15);
  expect(drill.cluster.worker.output()).not.toMatch(/exit code [1-9]/);
  await assertExactlyOnce(drill.cluster, drill.setup, after.accepted);
}

export const allRequestsSucceeded = (cluster: FaultCluster, webinarId: string, count: number) =>
  waitUntil(
    `${count} registrations pushed`,
    async () => (await cluster.db.registrationRequest.count({ where: { webinarId, status: "SUCCEEDED" } })) === count,
    { timeoutMs: 150_000, everyMs: 100 },
  );

/** Every prospect's score equals the points of its activities (no form adjustments involved). */
export async function assertScoresAreActivityPoints(cluster: FaultCluster, accountId: string) {
  const prospects = await cluster.db.prospect.findMany({ where: { accountId }, include: { activities: true } });
  const wrong = prospects.filter((p) => p.score !== p.activities.reduce((sum, a) => sum + a.points, 0));
  if (wrong.length > 0)
    throw new Error(`scores differ from activity points for ${wrong.map((p) => p.email).join(", ")}`);
}

/**
 * The stage most drills share: a cluster whose forms answer at once (the push goes through the
 * queue), a form registering for a webinar a week out, and the worker running. Read the fields
 * inside the tests, after beforeAll has filled them.
 */
export function useRegisteringFormDrill(): { cluster: FaultCluster; setup: FormSetup } {
  const drill = {} as { cluster: FaultCluster; setup: FormSetup };
  beforeAll(async () => {
    drill.cluster = await startFaultCluster({ FORM_REGISTRATION_WAIT_MS: "0" });
    drill.setup = await setUpRegisteringForm(drill.cluster);
    await drill.cluster.worker.start();
  });
  afterAll(async () => drill.cluster?.close());
  return drill;
}

/** The first sync of the webinar that started after `since` and succeeded. */
export const syncSucceededSince = (cluster: FaultCluster, webinarId: string, since: number) =>
  waitUntil(
    "a sync after the outage",
    () =>
      cluster.db.syncRun.findFirst({
        where: { webinarId, status: "SUCCEEDED", startedAt: { gt: new Date(since) } },
      }),
    { timeoutMs: 60_000, everyMs: 200 },
  );
