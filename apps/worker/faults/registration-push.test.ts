import { waitUntil } from "@gw/testing";
import { describe, expect, it } from "vitest";
import { secondsSince } from "./cluster";
import { allRequestsSucceeded, assertExactlyOnce, submitForm, useRegisteringFormDrill } from "./setup";

// A registration push in flight when its worker is SIGKILLed resumes within 15 s of a worker
// coming back (issue 19 measured 99-122 s: a 2-minute lease), and GoTo gets each person once.
const drill = useRegisteringFormDrill();

describe("a worker SIGKILLed mid-push", () => {
  it("hands the interrupted registrations on within 15 s of coming back, each registered once", async () => {
    const { cluster, setup } = drill;
    const emails = ["kill-a@example.com", "kill-b@example.com", "kill-c@example.com"];
    // GoTo holds the three pushes long enough for the kill to land mid-call.
    await cluster.sim.control.addFault({
      method: "POST",
      path: "/registrants",
      type: "slow",
      delayMs: 45_000,
      count: 3,
    });
    for (const [i, email] of emails.entries())
      expect((await submitForm(cluster, setup.formId, email, `10.9.1.${i}`)).statusCode).toBe(200);
    await waitUntil(
      "all three pushes in flight",
      async () =>
        (await cluster.db.registrationRequest.count({
          where: { webinarId: setup.webinar.id, status: "PENDING", attempts: 1 },
        })) === 3,
      { timeoutMs: 60_000 },
    );
    await cluster.worker.kill();
    await cluster.sim.control.clearFaults();

    await cluster.worker.start();
    const back = Date.now();
    await allRequestsSucceeded(cluster, setup.webinar.id, emails.length);
    const recovery = secondsSince(back);
    console.log(`registration push after SIGKILL: resumed and done ${recovery} s after the worker came back`);
    expect(recovery).toBeLessThanOrEqual(15);
    await assertExactlyOnce(cluster, setup, emails);
  });
});
