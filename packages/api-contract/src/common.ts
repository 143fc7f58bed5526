import { z } from "zod";

/** The one error body every 4xx/5xx answer carries (the API's error handler builds it). */
export const errorBody = z
  .object({
    statusCode: z.number().int(),
    error: z.string(),
    message: z.string(),
    reqId: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .describe("The common error body");

/** The 4xx answers of a session-authenticated route that takes input. */
export const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** Page sizes are capped so one request never reads a whole table. */
export const MAX_PAGE_SIZE = 200;

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).describe("1-based page number"),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(25)
    .describe(`rows per page, at most ${MAX_PAGE_SIZE}`),
};
export const searchQuery = z.string().trim().max(200).optional().describe("contains, ignoring case");
export const orderQuery = z.enum(["asc", "desc"]).optional();
export const booleanQuery = (defaultValue: boolean) =>
  z
    .enum(["true", "false"])
    .default(defaultValue ? "true" : "false")
    .transform((value) => value === "true");
export const idParams = z.object({ id: z.uuid() });
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const nullableString = z.string().nullable();
export const prospectSummary = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: nullableString,
  lastName: nullableString,
  company: nullableString,
});
export const namedRef = z.object({ id: z.uuid(), name: z.string() });
export const noContent = z.null();

/** A value as it travels in JSON: dates arrive as ISO-8601 strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** What a client receives for a response schema. */
export type ResponseOf<S extends z.ZodType> = Json<z.output<S>>;
/** What a client may send for a request schema (before defaults and coercion). */
export type RequestOf<S extends z.ZodType> = z.input<S>;

export type ErrorBody = ResponseOf<typeof errorBody>;
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type ProspectSummary = ResponseOf<typeof prospectSummary>;
