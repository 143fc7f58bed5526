import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SimContext } from "../context";
import { sendEmpty, sendJson } from "../http/reply";
import { num } from "../json/lossless";
import {
  addRegistrant,
  findRegistrant,
  parseRegistrant,
  registrantsInOrder,
  removeRegistrant,
} from "../state/registrants";
import { findWebinar } from "../state/webinars";
import { joinUrl } from "../urls";
import { asOrganizer } from "./auth";
import { booleanQuery, paging, pathKey, slicePage } from "./params";
import { registrantDetailed, registrantView } from "./views";

const BASIC_ACCEPT = "application/vnd.citrix.g2wapi-v1.1+json";

/** The Accept header picks GoTo's basic or full registrant create (§4.1 [CONFLICT]). */
function basicOnly(ctx: SimContext, request: FastifyRequest): boolean {
  const vendor = (request.headers.accept ?? "").toLowerCase().includes(BASIC_ACCEPT);
  return ctx.settings.registrantAcceptMode === "v2" ? vendor : !vendor;
}

/** Registrants and the registration form (§3.7, §4). */
export function registerRegistrantRoutes(api: FastifyInstance, ctx: SimContext): void {
  const base = "/organizers/:organizerKey/webinars/:webinarKey/registrants";
  const webinarOf = (request: FastifyRequest) => {
    const auth = asOrganizer(request, pathKey(request.params, "organizerKey"));
    return findWebinar(ctx, pathKey(request.params, "webinarKey"), auth.organizer.organizerKey);
  };

  api.get(`${base}/fields`, async (request, reply) => {
    const webinar = webinarOf(request);
    return sendJson(reply, 200, {
      fields: webinar.fields,
      questions: webinar.questions.map((q) => ({
        questionKey: num(q.questionKey),
        question: q.question,
        required: q.required,
        type: q.type,
        maxSize: q.maxSize,
        answers:
          q.type === "multipleChoice"
            ? q.answers.map((a) => ({ answerKey: num(a.answerKey), answer: a.answer }))
            : undefined,
      })),
    });
  });

  api.post(base, async (request, reply) => {
    const webinar = webinarOf(request);
    const input = parseRegistrant(request.body, webinar, { basicOnly: basicOnly(ctx, request) });
    const { registrant } = addRegistrant(ctx, webinar, input, {
      origin: "api",
      resendConfirmation: booleanQuery(request.query, "resendConfirmation", false),
    });
    return sendJson(reply, 201, {
      registrantKey: num(registrant.registrantKey),
      joinUrl: joinUrl(webinar.webinarKey, registrant.registrantKey),
    });
  });

  api.get(base, async (request, reply) => {
    const webinar = webinarOf(request);
    const page = paging(request.query, "limit");
    const all = registrantsInOrder(webinar);
    const view = (r: (typeof all)[number]) => registrantView(r, webinar);
    // Without page/limit the legacy plain array; with either, the paginated object (§4.2).
    if (!page.requested) return sendJson(reply, 200, all.map(view));
    const data = slicePage(all, page).map(view);
    return sendJson(reply, 200, { data, total: all.length, page: page.page, limit: page.size, pageSize: data.length });
  });

  api.get(`${base}/:registrantKey`, async (request, reply) => {
    const webinar = webinarOf(request);
    const registrant = findRegistrant(webinar, pathKey(request.params, "registrantKey"));
    return sendJson(reply, 200, registrantDetailed(registrant, webinar));
  });

  api.delete(`${base}/:registrantKey`, async (request, reply) => {
    const webinar = webinarOf(request);
    removeRegistrant(ctx, webinar, pathKey(request.params, "registrantKey"), { onlyFuture: true });
    return sendEmpty(reply, 204);
  });
}
