import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SimContext } from "../context";
import { badRequest, forbidden, notFound } from "../errors";
import { sendEmpty, sendJson } from "../http/reply";
import { num } from "../json/lossless";
import { recordingsOf } from "../state/engagement";
import type { Coorganizer, Webinar } from "../state/types";
import { asObject, parseTimes } from "../state/webinar-input";
import { createWebinar, findWebinar } from "../state/webinars";
import { isoSeconds, parseDateTime } from "../time";
import { startUrl } from "../urls";
import { asOrganizer, authOf } from "./auth";
import { halPage, paging, pathKey, queryValue, slicePage } from "./params";

const AUDIO_TYPES = ["PSTN", "VOIP", "Hybrid", "Private"];

/**
 * The webinar endpoints the product does not depend on (§3.6): audio, start URL, copy, recording
 * assets, panelists and co-organizers. Small but shaped like the spec, so clients can call them.
 */
export function registerExtraRoutes(api: FastifyInstance, ctx: SimContext): void {
  const base = "/organizers/:organizerKey/webinars/:webinarKey";
  const webinarOf = (request: FastifyRequest) => {
    const auth = asOrganizer(request, pathKey(request.params, "organizerKey"));
    return findWebinar(ctx, pathKey(request.params, "webinarKey"), auth.organizer.organizerKey);
  };
  const ownWebinar = (request: FastifyRequest) =>
    findWebinar(ctx, pathKey(request.params, "webinarKey"), authOf(request).organizer.organizerKey);

  api.get(`${base}/audio`, async (request, reply) => {
    const webinar = webinarOf(request);
    if (webinar.audioType === "Private") {
      return sendJson(reply, 200, {
        type: "Private",
        privateInfo: { attendee: "Dial in as announced by the organizer" },
      });
    }
    return sendJson(reply, 200, {
      type: webinar.audioType,
      confCallNumbers: {
        US: {
          toll: "+1 (555) 010-0100",
          tollFree: "+1 (800) 555-0100",
          accessCodes: { organizer: "123-456-789", panelist: "234-567-890", attendee: "345-678-901" },
        },
      },
    });
  });

  api.post(`${base}/audio`, async (request, reply) => {
    const webinar = webinarOf(request);
    const body = asObject(request.body);
    if (!AUDIO_TYPES.includes(body.type as string)) {
      throw badRequest(`type must be one of ${AUDIO_TYPES.join(", ")}, got ${JSON.stringify(body.type)}`);
    }
    webinar.audioType = body.type as string;
    return sendEmpty(reply, 204);
  });

  api.get("/webinars/:webinarKey/startUrl", async (request, reply) => {
    const webinar = ownWebinar(request);
    return sendJson(reply, 200, { startUrl: startUrl(webinar.webinarKey) });
  });

  api.put("/webinars/:webinarKey/copy", async (request, reply) => {
    const original = ownWebinar(request);
    const body = request.body === undefined ? {} : asObject(request.body);
    const times = body.times === undefined ? original.times : parseTimes(body.times, "times");
    if (times.some((t) => t.startTime <= ctx.clock.now()))
      throw badRequest("The webinar start time must be in the future");
    const copy = createWebinar(
      ctx,
      authOf(request).organizer,
      {
        subject: typeof body.subject === "string" ? body.subject : original.subject,
        description: typeof body.description === "string" ? body.description : original.description,
        times,
        timeZone: typeof body.timeZone === "string" ? body.timeZone : original.timeZone,
        locale: typeof body.locale === "string" ? body.locale : original.locale,
        type: times.length === 1 ? "single_session" : original.type === "single_session" ? "series" : original.type,
        experienceType: original.experienceType,
        isPasswordProtected: original.isPasswordProtected,
        isOndemand: body.isOndemand === true,
        isBreakout: original.isBreakout,
        emailSettings: original.emailSettings,
      },
      { approvalType: original.approvalType },
    );
    return sendJson(reply, 201, { webinarKey: copy.webinarKey });
  });

  // Recording assets: one per ended session of a webinar (GoTo records sessions as assets).
  const assetsOf = (webinars: Webinar[]) =>
    webinars.flatMap((w) =>
      recordingsOf(w, ctx.clock.now(), () => ctx.state.newKey()).map(({ key, session }) => ({
        key,
        session,
        webinar: w,
      })),
    );
  type AssetRow = ReturnType<typeof assetsOf>[number];
  const assetView = (row: AssetRow, includes: string[]) => ({
    name: `${row.webinar.subject} (${isoSeconds(row.session.startTime).slice(0, 10)})`,
    recordingAssetKey: row.key,
    productName: "G2W",
    createTime: isoSeconds(row.session.endTime),
    creatorKey: row.webinar.organizerKey,
    accountKey: row.webinar.accountKey,
    totalReferenceCount: 1,
    mp4DownloadUrl: `https://recordings.gotowebinar.com/${row.key}.mp4`,
    recordingShareUrl: includes.includes("recordingShareUrl")
      ? `https://recordings.gotowebinar.com/share/${row.key}`
      : undefined,
    webinarKey: includes.includes("webinarKey") ? row.webinar.webinarKey : undefined,
  });

  api.get("/webinars/:webinarKey/recordingAssets", async (request, reply) => {
    const webinar = ownWebinar(request);
    const page = paging(request.query, "limit");
    const rows = assetsOf([webinar]);
    const slice = slicePage(rows, page);
    return sendJson(reply, 200, {
      data: slice.map((r) => assetView(r, ["recordingShareUrl", "webinarKey"])),
      total: rows.length,
      page: page.page,
      pageSize: slice.length,
    });
  });

  const searchAssets = (request: FastifyRequest, accountKey: string, organizerKey: string | undefined) => {
    const body = asObject(request.body);
    const page = paging(request.query, "size");
    const includes = String(queryValue(request.query, "includes") ?? "")
      .split(",")
      .map((s) => s.trim());
    const name = typeof body.name === "string" ? body.name.toLowerCase() : undefined;
    const sortField = body.sortField ?? "CREATETIME";
    const sortOrder = body.sortOrder ?? "DESC";
    if (sortField !== "CREATETIME" && sortField !== "NAME") throw badRequest("sortField must be CREATETIME or NAME");
    if (sortOrder !== "DESC" && sortOrder !== "ASC") throw badRequest("sortOrder must be DESC or ASC");
    const from = body.fromTime === undefined ? undefined : parseDateTime(body.fromTime);
    const to = body.toTime === undefined ? undefined : parseDateTime(body.toTime);
    const webinars = [...ctx.state.webinars.values()].filter(
      (w) => w.accountKey === accountKey && (organizerKey === undefined || w.organizerKey === organizerKey),
    );
    const rows = assetsOf(webinars)
      .filter((r) => !name || assetView(r, []).name.toLowerCase().includes(name))
      .filter((r) => (from === undefined || r.session.endTime >= from) && (to === undefined || r.session.endTime <= to))
      .sort((a, b) => {
        const order =
          sortField === "NAME"
            ? assetView(a, []).name.localeCompare(assetView(b, []).name)
            : a.session.endTime - b.session.endTime;
        return sortOrder === "ASC" ? order : -order;
      });
    return halPage("recordingAssets", rows, page, (r) => assetView(r, includes), ctx.settings.omitEmptyEmbedded);
  };

  api.post("/recordingassets/search", async (request, reply) => {
    const auth = authOf(request);
    const accountKey = String(asObject(request.body).accountKey ?? "");
    if (!accountKey) throw badRequest("accountKey is required");
    if (accountKey !== auth.organizer.accountKey)
      throw forbidden(`The access token does not belong to account ${accountKey}`);
    return sendJson(reply, 200, searchAssets(request, accountKey, auth.organizer.organizerKey));
  });

  api.post("/accounts/:accountKey/recordingassets/search", async (request, reply) => {
    const auth = authOf(request);
    const accountKey = pathKey(request.params, "accountKey");
    if (accountKey !== auth.organizer.accountKey)
      throw forbidden(`The access token does not belong to account ${accountKey}`);
    const organizerKey = String(asObject(request.body).organizerKey ?? "");
    if (!organizerKey) throw badRequest("organizerKey is required");
    return sendJson(reply, 200, searchAssets(request, accountKey, organizerKey));
  });

  api.get(`${base}/panelists`, async (request, reply) => {
    const webinar = webinarOf(request);
    return sendJson(
      reply,
      200,
      webinar.panelists.map((p) => ({
        joinLink: `https://global.gotowebinar.com/join/${webinar.webinarKey}/${p.panelistKey}`,
        email: p.email,
        name: p.name,
        panelistId: num(p.panelistKey),
      })),
    );
  });

  api.post(`${base}/panelists`, async (request, reply) => {
    const webinar = webinarOf(request);
    if (!Array.isArray(request.body) || request.body.length === 0)
      throw badRequest("The body must be a non-empty array of panelists");
    const created = request.body.map((raw, i) => {
      const item = asObject(raw, `[${i}]`);
      if (typeof item.name !== "string" || !item.name) throw badRequest(`[${i}].name is required`);
      if (typeof item.email !== "string" || !item.email.includes("@")) throw badRequest(`[${i}].email is required`);
      const panelist = { panelistKey: ctx.state.newKey(), name: item.name, email: item.email };
      webinar.panelists.push(panelist);
      return {
        name: panelist.name,
        email: panelist.email,
        joinLink: `https://global.gotowebinar.com/join/${webinar.webinarKey}/${panelist.panelistKey}`,
        panelistKey: panelist.panelistKey,
      };
    });
    return sendJson(reply, 201, created);
  });

  api.delete(`${base}/panelists/:panelistKey`, async (request, reply) => {
    const webinar = webinarOf(request);
    const key = pathKey(request.params, "panelistKey");
    const index = webinar.panelists.findIndex((p) => p.panelistKey === key);
    if (index < 0) throw notFound(`Panelist with key ${key} not found`);
    webinar.panelists.splice(index, 1);
    return sendEmpty(reply, 204);
  });

  api.post(`${base}/panelists/:panelistKey/resendInvitation`, async (request, reply) => {
    const webinar = webinarOf(request);
    const key = pathKey(request.params, "panelistKey");
    if (!webinar.panelists.some((p) => p.panelistKey === key)) throw notFound(`Panelist with key ${key} not found`);
    return sendEmpty(reply, 204);
  });

  const coorganizerView = (webinarKey: string, c: Coorganizer) => ({
    joinLink: `https://global.gotowebinar.com/join/${webinarKey}/${c.memberKey}`,
    email: c.email,
    memberKey: c.memberKey,
    external: c.external,
    surname: c.external ? undefined : c.surname,
    givenName: c.givenName,
  });

  api.get(`${base}/coorganizers`, async (request, reply) => {
    const webinar = webinarOf(request);
    return sendJson(
      reply,
      200,
      webinar.coorganizers.map((c) => coorganizerView(webinar.webinarKey, c)),
    );
  });

  api.post(`${base}/coorganizers`, async (request, reply) => {
    const webinar = webinarOf(request);
    if (!Array.isArray(request.body) || request.body.length === 0) {
      throw badRequest("The body must be a non-empty array of co-organizers");
    }
    const created = request.body.map((raw, i) => {
      const item = asObject(raw, `[${i}]`);
      if (typeof item.external !== "boolean") throw badRequest(`[${i}].external is required`);
      if (item.external) {
        if (typeof item.givenName !== "string" || typeof item.email !== "string") {
          throw badRequest(`[${i}]: an external co-organizer needs givenName and email`);
        }
        const c = { memberKey: ctx.state.newKey(), external: true, givenName: item.givenName, email: item.email };
        webinar.coorganizers.push(c);
        return coorganizerView(webinar.webinarKey, c);
      }
      const organizer = ctx.state.organizers.get(String(item.organizerKey ?? ""));
      if (!organizer) throw badRequest(`[${i}].organizerKey is not an organizer of this account`);
      const c = {
        memberKey: organizer.organizerKey,
        external: false,
        givenName: organizer.firstName,
        surname: organizer.lastName,
        email: organizer.email,
      };
      webinar.coorganizers.push(c);
      return coorganizerView(webinar.webinarKey, c);
    });
    return sendJson(reply, 201, created);
  });

  api.delete(`${base}/coorganizers/:coorganizerKey`, async (request, reply) => {
    const webinar = webinarOf(request);
    const key = pathKey(request.params, "coorganizerKey");
    const index = webinar.coorganizers.findIndex((c) => c.memberKey === key);
    if (index < 0) throw notFound(`Co-organizer with key ${key} not found`);
    webinar.coorganizers.splice(index, 1);
    return sendEmpty(reply, 204);
  });

  api.post(`${base}/coorganizers/:coorganizerKey/resendInvitation`, async (request, reply) => {
    const webinar = webinarOf(request);
    const key = pathKey(request.params, "coorganizerKey");
    if (!webinar.coorganizers.some((c) => c.memberKey === key))
      throw notFound(`Co-organizer with key ${key} not found`);
    return sendEmpty(reply, 204);
  });
}
