import type { FastifyRequest } from "fastify";

// Crawlers, link unfurlers and scripted clients announce themselves; people's browsers do not.
const NOT_A_PERSON =
  /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|embedly|preview|curl\/|wget\/|python-requests|go-http-client|okhttp|java\/|httpclient|monitor|pingdom|uptime/i;

/**
 * Whether a GET of the hosted form is a person's view: not a HEAD (Fastify answers HEAD with the
 * GET handler), not a speculative prefetch or prerender (`Sec-Purpose`, `Purpose`, `X-Moz`), not a
 * bot by its user agent, and not the form editor's preview (`?preview`).
 */
export function isPersonView(request: FastifyRequest): boolean {
  if (request.method !== "GET") return false;
  const purpose = [request.headers["sec-purpose"], request.headers.purpose, request.headers["x-moz"]].join(" ");
  if (/prefetch|prerender/i.test(purpose)) return false;
  const agent = request.headers["user-agent"];
  if (typeof agent !== "string" || agent === "" || NOT_A_PERSON.test(agent)) return false;
  return (request.query as Record<string, unknown>).preview === undefined;
}
