import { createConnectorGotoClient } from "@gw/domain/connectors";
import { ensureWebhookSubscriptions } from "@gw/domain/webhook-subscriptions";
import { freePort, waitUntil } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultCluster, secondsSince, startFaultCluster } from "./cluster";
import { assertScoresAreActivityPoints, type FormSetup, setUpRegisteringForm } from "./setup";

// GoTo's webhooks keep arriving while the worker is down, and the worker is SIGKILLed again in the
// middle of applying the backlog: the API stores every delivery, and within 15 s of the worker
// coming back every event is applied, each exactly once (issue 19 measured about 91 s).
const PEOPLE = 300;
let cluster: FaultCluster;
let setup: FormSetup;
beforeAll(async () => {
  const port = await freePort();
  cluster = await startFaultCluster({ PUBLIC_URL: `http://127.0.0.1:${port}`, WEBHOOKS_ALLOW_LOOPBACK: "true" });
  await cluster.api.app.listen({ port, host: "127.0.0.1" });
  setup = await setUpRegisteringForm(cluster);
  const gotoClient = await createConnectorGotoClient({
    db: cluster.db,
    config: cluster.config,
    secretBox: cluster.secretBox,
    connectorId: setup.connectorId,
  });
  const subscribed = await ensureWebhookSubscriptions({
    db: cluster.db,
    config: cluster.config,
    gotoClient,
    connector: { id: setup.connectorId },
    secretBox: cluster.secretBox,
  });
  if (!subscribed.enabled) throw new Error(`webhooks not subscribed: ${JSON.stringify(subscribed)}`);
});
afterAll(async () => cluster?.close());

const applied = () =>
  cluster.db.webhookEvent.count({
    where: { connectorId: setup.connectorId, eventName: "registrant.added", status: "APPLIED" },
  });

describe("webhooks while the worker is down, and a kill mid-backlog", () => {
  it("stores every delivery, and applies each once within 15 s of the worker coming back", async () => {
    const { webinarKey, id: webinarId } = setup.webinar;
    for (let i = 0; i < PEOPLE; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, PEOPLE - i) }, (_, j) =>
          cluster.sim.control.register(webinarKey, {
            firstName: "Hook",
            lastName: `Person ${i + j}`,
            email: `hook-${i + j}@example.com`,
          }),
        ),
      );
    }
    const deliveries = (await cluster.sim.control.webhooksIdle()).filter((d) => d.eventName === "registrant.added");
    expect(deliveries).toHaveLength(PEOPLE);
    expect(deliveries.every((d) => d.state === "delivered")).toBe(true);
    expect(
      await cluster.db.webhookEvent.count({ where: { connectorId: setup.connectorId, eventName: "registrant.added" } }),
    ).toBe(PEOPLE);

    // The worker is killed while it applies the backlog: a lock held here stops its writes
    // mid-job (its statement waits inside Postgres) until the kill has landed.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holding = cluster.db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`LOCK TABLE "WebinarRegistration" IN SHARE ROW EXCLUSIVE MODE`);
        locked();
        await released;
      },
      { timeout: 180_000, maxWait: 10_000 },
    );
    await lockTaken;
    await cluster.worker.start();
    await waitUntil(
      "the worker's apply waiting inside Postgres",
      async () => {
        const [row] = await cluster.db.$queryRaw<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()`;
        return (row?.waiting ?? 0) > 0;
      },
      { timeoutMs: 60_000, everyMs: 50 },
    );
    await cluster.worker.kill();
    release();
    await holding;
    const appliedAtKill = await applied();

    await cluster.worker.start();
    const back = Date.now();
    await waitUntil("every webhook applied", async () => (await applied()) === PEOPLE, {
      timeoutMs: 150_000,
      everyMs: 100,
    });
    const recovery = secondsSince(back);
    console.log(
      `webhooks after SIGKILL: ${appliedAtKill} of ${PEOPLE} applied at the kill, all applied ${recovery} s after the worker came back`,
    );
    expect(recovery).toBeLessThanOrEqual(15);

    expect(await cluster.db.webinarRegistration.count({ where: { webinarId } })).toBe(PEOPLE);
    expect(await cluster.db.activity.count({ where: { webinarId, type: "REGISTERED" } })).toBe(PEOPLE);
    expect(await cluster.db.prospect.count({ where: { accountId: setup.user.accountId } })).toBe(PEOPLE);
    await assertScoresAreActivityPoints(cluster, setup.user.accountId);
  });
});
