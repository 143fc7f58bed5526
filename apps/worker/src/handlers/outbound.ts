import { deliverEndpoint, fanOutChangeEvents, findDueEndpoints } from "@gw/domain/outbound";
import { deliverEndpointJob, enqueue } from "@gw/queues";
import type { WorkerDeps } from "../deps";
import type { JobHandler } from "./types";

const FAN_OUT_ROUNDS = 20;

const wake = (deps: WorkerDeps, endpointId: string, key: string, delayMs?: number) =>
  enqueue(deps.queues, deliverEndpointJob, { endpointId, key }, delayMs ? { delayMs } : {});

/** Periodic: new changes of the log become deliveries; their endpoints are woken. */
export const handleFanOutEvents: JobHandler<"fan-out-events"> = async (_payload, ctx) => {
  const { deps } = ctx;
  let changes = 0;
  let deliveries = 0;
  for (let round = 0; round < FAN_OUT_ROUNDS; round++) {
    const result = await fanOutChangeEvents({ db: deps.db, giveUpAfterMs: deps.config.outbound.giveUpAfterMs });
    changes += result.changes;
    deliveries += result.deliveries;
    for (const endpointId of result.endpointIds) await wake(deps, endpointId, `f${result.lastChangeId}`);
    if (!result.hasMore) break;
  }
  if (deliveries > 0) ctx.log.debug({ changes, deliveries }, "fanned out change events");
  return { changes, deliveries };
};

/** Delivers an endpoint's due events in order; schedules itself for the head's retry. */
export const handleDeliverEndpoint: JobHandler<"deliver-endpoint"> = async (payload, ctx) => {
  const { deps } = ctx;
  const { outbound } = deps.config;
  const result = await deliverEndpoint({
    db: deps.db,
    secretBox: deps.secretBox,
    endpointId: payload.endpointId,
    policy: outbound,
    backoff: { baseMs: outbound.retryBaseMs, maxMs: outbound.retryMaxMs },
    disableAfterMs: outbound.disableAfterMs,
  });
  if (result.more) await wake(deps, payload.endpointId, `m${Date.now()}`);
  else if (result.retryAt) {
    const at = result.retryAt.getTime();
    await wake(deps, payload.endpointId, `r${at}`, Math.max(1, at - Date.now()));
  }
  if (result.disabled)
    ctx.log.warn({ endpointId: payload.endpointId }, "outbound endpoint disabled after failing for days");
  return result;
};

/** Periodic: wakes endpoints with due deliveries that no job is working on (lost with Redis). */
export const handleSweepOutbound: JobHandler<"sweep-outbound"> = async (_payload, ctx) => {
  const ids = await findDueEndpoints({ db: ctx.deps.db });
  const bucket = Math.floor(Date.now() / ctx.deps.config.outbound.sweepEveryMs);
  for (const endpointId of ids) await wake(ctx.deps, endpointId, `s${bucket}`);
  if (ids.length > 0) ctx.log.info({ endpoints: ids.length }, "re-enqueued outbound deliveries");
  return { endpoints: ids.length };
};
