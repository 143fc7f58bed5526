import { z } from "zod";
import { pageOf, type ResponseOf } from "./common";

export const tag = z
  .object({ id: z.uuid(), name: z.string(), prospectCount: z.number().int(), createdAt: z.date() })
  .meta({ id: "Tag" });
export const tagPage = pageOf(tag);
export const prospectsTagged = z.object({ affected: z.number().int().describe("prospects newly tagged") });

export type Tag = ResponseOf<typeof tag>;
