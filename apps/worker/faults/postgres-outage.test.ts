import { waitUntil } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { secondsSince } from "./cluster";
import {
  allRequestsSucceeded,
  enqueueSync,
  expectRecovered,
  submitAccepted,
  submitForm,
  syncSucceededSince,
  useRegisteringFormDrill,
} from "./setup";

// Postgres stopped for 10 s under traffic, then started again: while it is down the hosted form
// and the admin API answer 503 with Retry-After (never 500) and store nothing; the worker rides the
// outage out without crashing; within 15 s of Postgres coming back, forms are taken again, every
// accepted registration reaches GoTo exactly once and a sync runs to the end.
const OUTAGE_MS = 10_000;
const drill = useRegisteringFormDrill();

describe("Postgres stopped for 10 s", () => {
  it("answers 503 while it is down, loses and doubles nothing, and is back to work within 15 s", async () => {
    const { cluster, setup } = drill;
    const accepted = ["pg-before-a@example.com", "pg-before-b@example.com"];
    await submitAccepted(drill, accepted, "10.9.2.");

    // Two pushes are inside GoTo when Postgres goes: GoTo registers them, and the worker cannot
    // record it; the retry must find them in GoTo, not register them twice.
    await cluster.sim.control.addFault({
      method: "POST",
      path: "/registrants",
      type: "slow",
      delayMs: 3_000,
      count: 2,
    });
    for (const [i, email] of ["pg-inflight-a@example.com", "pg-inflight-b@example.com"].entries()) {
      expect((await submitForm(cluster, setup.formId, email, `10.9.2.${10 + i}`)).statusCode).toBe(200);
      accepted.push(email);
    }
    await waitUntil(
      "both pushes inside GoTo",
      async () => (await cluster.sim.control.faults()).every((f) => f.remaining === 0),
      { timeoutMs: 30_000, everyMs: 50 },
    );
    await cluster.pg.stop();
    const down = Date.now();
    const answers: number[] = [];
    let refused = 0;
    // Traffic through the outage: the hosted form, an admin read and the readiness probe.
    while (Date.now() - down < OUTAGE_MS) {
      const form = await submitForm(cluster, setup.formId, `pg-during-${refused}@example.com`, "10.9.2.50");
      const admin = await cluster.api.app.inject({ method: "GET", url: "/api/prospects", headers: setup.user.headers });
      const ready = await cluster.api.app.inject({ method: "GET", url: "/readyz" });
      answers.push(form.statusCode, admin.statusCode, ready.statusCode);
      if (form.statusCode === 503) {
        expect(form.headers["retry-after"]).toBeTruthy();
        refused += 1;
      } else accepted.push(`pg-during-${refused}@example.com`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    console.log(`postgres outage: answers while down ${JSON.stringify(countBy(answers))}`);
    expect(answers.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    expect(refused).toBeGreaterThan(0);

    await cluster.pg.start();
    const back = Date.now();
    // The first form after the outage is taken (the API's pool reconnects by itself).
    const email = "pg-after@example.com";
    await waitUntil(
      "a form taken again",
      async () => (await submitForm(cluster, setup.formId, email, "10.9.2.60")).statusCode === 200,
      { timeoutMs: 30_000, everyMs: 200 },
    );
    const formsBack = secondsSince(back);
    accepted.push(email);
    await allRequestsSucceeded(cluster, setup.webinar.id, accepted.length);
    const pushed = secondsSince(back);

    await enqueueSync(drill);
    await syncSucceededSince(cluster, setup.webinar.id, back);
    const synced = secondsSince(back);
    console.log(
      `postgres outage: forms taken ${formsBack} s, registrations pushed ${pushed} s, a sync done ${synced} s after Postgres came back`,
    );
    await expectRecovered(drill, { pushed, synced, accepted });
    await waitUntil(
      "no run left running",
      async () => (await cluster.db.syncRun.count({ where: { status: "RUNNING" } })) === 0,
      {
        timeoutMs: 60_000,
      },
    );
  });
});

function countBy(values: number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
