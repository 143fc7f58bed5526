import type { FastifyReply } from "fastify";
import { stringify } from "../json/lossless";

/** Sends JSON through the lossless writer so JsonNumber keys go out as bare 19-digit numbers. */
export function sendJson(reply: FastifyReply, statusCode: number, value: unknown): FastifyReply {
  return reply.code(statusCode).header("content-type", "application/json; charset=utf-8").send(stringify(value));
}

export function sendEmpty(reply: FastifyReply, statusCode: number): FastifyReply {
  return reply.code(statusCode).send();
}
