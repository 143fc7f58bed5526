import type { FastifyReply, FastifyRequest } from "fastify";

export const REASON: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  410: "Gone",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

export interface FieldError {
  field: string;
  message: string;
}

/** The API's one error body: `{ statusCode, error, message, reqId, fields? }`. */
export function errorBodyOf(request: FastifyRequest, statusCode: number, message: string, fields?: FieldError[]) {
  return {
    statusCode,
    error: REASON[statusCode] ?? "Error",
    message,
    reqId: request.id,
    ...(fields ? { fields } : {}),
  };
}

/** Answers with the error body directly, for hooks whose scope has another error handler (bull-board). */
export function sendError(request: FastifyRequest, reply: FastifyReply, statusCode: number, message: string) {
  return reply.status(statusCode).send(errorBodyOf(request, statusCode, message));
}
