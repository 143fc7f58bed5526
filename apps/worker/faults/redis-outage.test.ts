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

// Redis SIGKILLed (everything in it lost: queued jobs, schedulers, the GoTo budget) and started
// again empty after 5 s. Postgres holds the outbox, so a form taken during the outage is still
// pushed once Redis is back; no answer is a 5xx other than a 503; within 15 s of Redis coming back
// every accepted registration is in GoTo exactly once and a sync runs to the end.
const OUTAGE_MS = 5_000;
const drill = useRegisteringFormDrill();

describe("Redis killed and started again empty", () => {
  it("loses and doubles nothing, and is back to work within 15 s", async () => {
    const { cluster, setup } = drill;
    const accepted = ["redis-before-a@example.com", "redis-before-b@example.com"];
    await submitAccepted(drill, accepted, "10.9.3.");

    await cluster.redis.kill();
    const down = Date.now();
    const answers: { status: number; ms: number }[] = [];
    for (let i = 0; Date.now() - down < OUTAGE_MS; i += 1) {
      const email = `redis-during-${i}@example.com`;
      const started = Date.now();
      const form = await submitForm(cluster, setup.formId, email, "10.9.3.50");
      answers.push({ status: form.statusCode, ms: Date.now() - started });
      if (form.statusCode === 200) accepted.push(email);
      else expect(form.statusCode, form.body).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    console.log(`redis outage: form answers while down ${answers.map((a) => `${a.status} in ${a.ms} ms`).join(", ")}`);
    // A person is not kept waiting on a queue that is down.
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(5_000);

    await cluster.redis.start();
    const back = Date.now();
    await enqueueSync(drill);
    const email = "redis-after@example.com";
    expect((await submitForm(cluster, setup.formId, email, "10.9.3.60")).statusCode).toBe(200);
    accepted.push(email);
    await allRequestsSucceeded(cluster, setup.webinar.id, accepted.length);
    const pushed = secondsSince(back);

    const run = await syncSucceededSince(cluster, setup.webinar.id, back);
    const synced = Math.round(((run.finishedAt ?? new Date()).getTime() - back) / 100) / 10;
    console.log(
      `redis outage: ${accepted.length} registrations pushed ${pushed} s, a sync done ${synced} s after Redis came back`,
    );
    await expectRecovered(drill, { pushed, synced, accepted });
  });
});
