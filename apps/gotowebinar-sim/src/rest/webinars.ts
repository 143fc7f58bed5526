import type { FastifyInstance } from "fastify";
import type { SimContext } from "../context";
import { forbidden } from "../errors";
import { sendEmpty, sendJson } from "../http/reply";
import type { Webinar } from "../state/types";
import { parseCreateWebinar, parseUpdateWebinar } from "../state/webinar-input";
import { cancelWebinar, createWebinar, findWebinar, isInSession, updateWebinar } from "../state/webinars";
import { asOrganizer, authOf } from "./auth";
import { booleanQuery, halPage, paging, pathKey, queryValue, timeRange } from "./params";
import { brokerWebinar, timesView, webinarByKey, webinarListItem } from "./views";

function inRange(w: Webinar, from: number, to: number): boolean {
  return !w.cancelled && w.times.some((t) => t.startTime <= to && t.endTime >= from);
}

function byStart(a: Webinar, b: Webinar): number {
  return (a.times[0]?.startTime ?? 0) - (b.times[0]?.startTime ?? 0) || a.webinarKey.localeCompare(b.webinarKey);
}

/** Webinars (§3). */
export function registerWebinarRoutes(api: FastifyInstance, ctx: SimContext): void {
  api.get("/organizers/:organizerKey/webinars", async (request, reply) => {
    const auth = asOrganizer(request, pathKey(request.params, "organizerKey"));
    const { from, to } = timeRange(request.query);
    const page = paging(request.query, "size");
    const webinars = ctx.state.webinarsOf(auth.organizer.organizerKey).filter((w) => inRange(w, from, to));
    return sendJson(
      reply,
      200,
      halPage("webinars", webinars.sort(byStart), page, webinarListItem, ctx.settings.omitEmptyEmbedded),
    );
  });

  api.get("/accounts/:accountKey/webinars", async (request, reply) => {
    const accountKey = pathKey(request.params, "accountKey");
    if (authOf(request).organizer.accountKey !== accountKey) {
      throw forbidden(`The access token does not belong to account ${accountKey}`);
    }
    const { from, to } = timeRange(request.query);
    const page = paging(request.query, "size");
    const webinars = [...ctx.state.webinars.values()].filter(
      (w) => w.accountKey === accountKey && inRange(w, from, to),
    );
    return sendJson(
      reply,
      200,
      halPage("webinars", webinars.sort(byStart), page, webinarListItem, ctx.settings.omitEmptyEmbedded),
    );
  });

  api.post("/organizers/:organizerKey/webinars", async (request, reply) => {
    const auth = asOrganizer(request, pathKey(request.params, "organizerKey"));
    const spec = parseCreateWebinar(request.body, auth.organizer, ctx.clock.now());
    const webinar = createWebinar(ctx, auth.organizer, spec);
    return sendJson(reply, 201, { webinarKey: webinar.webinarKey, recurrenceKey: webinar.recurrenceKey });
  });

  api.get("/organizers/:organizerKey/webinars/:webinarKey", async (request, reply) => {
    const auth = asOrganizer(request, pathKey(request.params, "organizerKey"));
    const webinar = findWebinar(ctx, pathKey(request.params, "webinarKey"), auth.organizer.organizerKey);
    return sendJson(reply, 200, webinarByKey(webinar, auth.organizer, ctx.clock.now()));
  });

  api.put("/organizers/:organizerKey/webinars/:webinarKey", async (request, reply) => {
    const auth = asOrganizer(request, pathKey(request.params, "organizerKey"));
    const webinar = findWebinar(ctx, pathKey(request.params, "webinarKey"), auth.organizer.organizerKey);
    const changes = parseUpdateWebinar(request.body, webinar.type, ctx.clock.now());
    updateWebinar(ctx, webinar, changes, {
      notifyParticipants: booleanQuery(request.query, "notifyParticipants", false),
    });
    return sendEmpty(reply, 202);
  });

  api.delete("/organizers/:organizerKey/webinars/:webinarKey", async (request, reply) => {
    const auth = asOrganizer(request, pathKey(request.params, "organizerKey"));
    const webinar = findWebinar(ctx, pathKey(request.params, "webinarKey"), auth.organizer.organizerKey);
    cancelWebinar(ctx, webinar, {
      sendCancellationEmails: booleanQuery(request.query, "sendCancellationEmails", false),
      deleteAll: booleanQuery(request.query, "deleteAll", true),
    });
    return sendEmpty(reply, 204);
  });

  api.get("/organizers/:organizerKey/webinars/:webinarKey/meetingtimes", async (request, reply) => {
    const auth = asOrganizer(request, pathKey(request.params, "organizerKey"));
    const webinar = findWebinar(ctx, pathKey(request.params, "webinarKey"), auth.organizer.organizerKey);
    return sendJson(reply, 200, timesView(webinar.times));
  });

  api.get("/organizers/:organizerKey/insessionWebinars", async (request, reply) => {
    const auth = asOrganizer(request, pathKey(request.params, "organizerKey"));
    const now = ctx.clock.now();
    const hasRange =
      queryValue(request.query, "fromTime") !== undefined || queryValue(request.query, "toTime") !== undefined;
    const range = hasRange ? timeRange(request.query) : undefined;
    const webinars = ctx.state
      .webinarsOf(auth.organizer.organizerKey)
      .filter((w) => !w.cancelled && isInSession(w, now) && (!range || inRange(w, range.from, range.to)));
    return sendJson(
      reply,
      200,
      webinars.sort(byStart).map((w) => brokerWebinar(w, auth.organizer, now)),
    );
  });
}
