import type { RegistrationPushes, RegistrationState } from "@gw/domain/forms";
import { enqueue, type JobOutcome, type JobWaiter, pushRegistrationJob, type Queues } from "@gw/queues";

const ENQUEUE_TIMEOUT_MS = 2_000;

/** What a finished push job said, as far as the person submitting should know. */
function registrationStateOf(outcome: JobOutcome): RegistrationState {
  if (outcome.state !== "completed") return "pending";
  const result = (outcome.value as { outcome?: string } | null)?.outcome;
  return result === "succeeded" ? "registered" : result === "failed" ? "failed" : "pending";
}

/**
 * Hosted forms' registration pushes over BullMQ: the first attempt's job, and a bounded wait for
 * it to end. The wait starts before the add so an answer faster than the add's round trip is not
 * missed; a Redis that does not answer within 2 s fails the add (the sweeper queues it later).
 */
export function createRegistrationPushes(deps: {
  queues: Queues;
  waiter: JobWaiter;
  log: { warn(obj: object, msg?: string): void };
  /** The HTTP request's id, carried into the job's logs. */
  httpRequestId?: string;
}): RegistrationPushes {
  return {
    async queue(requestId, waitUntil) {
      let expected: ReturnType<JobWaiter["expect"]> | undefined;
      if (waitUntil !== null) {
        try {
          expected = deps.waiter.expect(pushRegistrationJob.jobId!({ requestId, attempt: 0 }), waitUntil);
        } catch (error) {
          deps.log.warn({ err: error, requestId }, "cannot wait for the registration; answering without");
        }
      }
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          enqueue(
            deps.queues,
            pushRegistrationJob,
            { requestId, attempt: 0 },
            deps.httpRequestId ? { requestId: deps.httpRequestId } : {},
          ),
          new Promise((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`)),
              ENQUEUE_TIMEOUT_MS,
            );
            timer.unref();
          }),
        ]);
      } catch (error) {
        expected?.cancel(); // answers "pending" at once: the sweeper will queue it
        throw error;
      } finally {
        clearTimeout(timer);
      }
      return { outcome: expected ? expected.outcome.then(registrationStateOf) : Promise.resolve("pending" as const) };
    },
  };
}
