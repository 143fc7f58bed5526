import { type RunningSim, type ScenarioWebinar, type SimOptions, startSim } from "@gw/gotowebinar-sim";
import { createLogger } from "@gw/logger";
import { createVerifiedConnector, createWebinar, fixture, REGISTRANT_FIELDS } from "@gw/testing";
import { createWorkerDeps } from "../../worker/src/deps";
import { handlers } from "../../worker/src/handlers";
import { startWorkerRuntime, type WorkerRuntime } from "../../worker/src/runtime";
import { createUserAndLogin, type LoggedInUser } from "./auth-helpers";
import { createTestApi, type TestApi } from "./helpers";

/**
 * The API on its own database and Redis prefix, talking to a GoTo stand-in through a VERIFIED
 * connector, with a logged-in admin; optionally a worker runtime (registrations queue only) in
 * the same process on the same database and prefix.
 */
export interface FormsEnv {
  sim: RunningSim;
  api: TestApi;
  user: LoggedInUser;
  connector: { id: string; organizerKey: string | null };
  /** A webinar in the stand-in and its row in our database (as the sync would have written it). */
  createWebinar(
    spec?: Partial<ScenarioWebinar>,
  ): Promise<{ id: string; webinarKey: string; subject: string; questionKeys: string[] }>;
  /** Creates a form over the API as the admin (POST /api/forms body): its id. */
  createForm(form: object): Promise<string>;
  /** A form "Webinar sign-up" registering for `webinarId`: GoTo's required fields, then `fields`. */
  createRegisterForm(webinarId: string, fields?: object[]): Promise<string>;
  startWorker(): Promise<WorkerRuntime>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface FormsEnvOptions {
  env?: Record<string, string>;
  sim?: SimOptions;
  databaseVia?: (url: string) => Promise<string> | string;
}

/** `startFormsEnv` as the file's fixture: made before its tests, closed after them. */
export function useFormsEnv(label: string, options: FormsEnvOptions = {}): FormsEnv {
  return fixture(
    () => startFormsEnv(label, options),
    (env) => env.close(),
  );
}

export async function startFormsEnv(label: string, options: FormsEnvOptions = {}): Promise<FormsEnv> {
  const sim = await startSim({ port: 0, ...options.sim });
  const api = await createTestApi(
    label,
    {
      GOTO_AUTH_URL: sim.url,
      GOTO_API_URL: `${sim.url}/G2W/rest/v2`,
      GOTO_IDENTITY_URL: sim.url,
      GOTO_CLIENT_ID: "demo-client",
      GOTO_CLIENT_SECRET: "demo-secret",
      ...options.env,
    },
    { databaseVia: options.databaseVia },
  );
  const user = await createUserAndLogin(api);
  const { connector } = await createVerifiedConnector(api.deps.db, api.deps.secretBox, {
    accountId: user.accountId,
    sim,
  });

  const createForm = async (form: object) => {
    const res = await api.app.inject({ method: "POST", url: "/api/forms", headers: user.headers, payload: form });
    if (res.statusCode !== 201) throw new Error(`the form was refused (${res.statusCode}): ${res.body}`);
    return res.json().id as string;
  };
  let worker: { runtime: WorkerRuntime; deps: ReturnType<typeof createWorkerDeps> } | undefined;

  return {
    sim,
    api,
    user,
    connector,
    async createWebinar(spec = {}) {
      const result = await sim.control.scenario({
        organizerKey: connector.organizerKey ?? undefined,
        webinars: [
          {
            subject: `Webinar ${Math.random().toString(36).slice(2, 8)}`,
            startsInMinutes: 7 * 24 * 60,
            durationMinutes: 60,
            ...spec,
          },
        ],
      });
      const created = result.webinars[0]!;
      const time = created.times[0]!;
      const row = await createWebinar(api.deps.db, {
        accountId: user.accountId,
        connectorId: connector.id,
        webinarKey: created.webinarKey,
        subject: created.subject,
        startsAt: new Date(time.startTime),
        endsAt: new Date(created.times.at(-1)!.endTime),
        times: created.times,
      });
      return {
        id: row.id,
        webinarKey: created.webinarKey,
        subject: created.subject,
        questionKeys: created.questionKeys,
      };
    },
    createForm,
    createRegisterForm(webinarId, fields = []) {
      return createForm({
        name: "Webinar sign-up",
        fields: [...REGISTRANT_FIELDS, ...fields],
        completionActions: [{ type: "REGISTER_WEBINAR", webinarId }],
      });
    },
    async startWorker() {
      if (worker) return worker.runtime;
      const deps = createWorkerDeps(
        api.config,
        createLogger({ name: "worker-test", level: api.config.logLevel, pretty: false }),
      );
      const runtime = await startWorkerRuntime(deps, handlers, { queues: ["registrations"] });
      worker = { runtime, deps };
      return runtime;
    },
    async stopWorker() {
      if (!worker) return;
      await worker.runtime.close();
      await worker.deps.close();
      worker = undefined;
    },
    async close() {
      if (worker) {
        await worker.runtime.close();
        await worker.deps.close();
      }
      await api.close();
      await sim.close();
    },
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A urlencoded body as a browser's form post sends it. */
export const formBody = (values: Record<string, string>) => new URLSearchParams(values).toString();
export const URLENCODED = { "content-type": "application/x-www-form-urlencoded" };

/** A visitor's submission of the hosted form, asking for the JSON answer (as API callers do). */
export const submitFormJson = (env: Pick<FormsEnv, "api">, formId: string, values: Record<string, string>) =>
  env.api.app.inject({
    method: "POST",
    url: `/f/${formId}`,
    headers: { ...URLENCODED, accept: "application/json" },
    payload: formBody(values),
  });
