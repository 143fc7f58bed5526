import type { FastifyInstance } from "fastify";
import { ApiError } from "../errors";
import { parseLossless } from "../json/lossless";

/**
 * JSON bodies are parsed losslessly (19-digit keys become strings). Bodies with any other or no
 * content type are tried as JSON too: clients send DELETE bodies without a content type.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(["application/json", "text/plain"]);
  const parse = (body: string) => {
    if (body.trim() === "") return undefined;
    try {
      return parseLossless(body);
    } catch {
      throw new ApiError(400, "InvalidRequest", "The request body is not valid JSON");
    }
  };
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json/, { parseAs: "string" }, (_request, body, done) => {
    try {
      done(null, parse(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => {
    try {
      done(null, parse(body as string));
    } catch {
      done(null, body);
    }
  });
}
