import { z } from "zod";
import { pageOf, pageQuery, prospectSummary, type RequestOf, type ResponseOf, searchQuery } from "./common";

/** The longest list or tag name. */
export const MAX_NAME_LENGTH = 100;

export const nameBody = z.object({ name: z.string().trim().min(1, "name must not be blank").max(MAX_NAME_LENGTH) });
export const prospectIdsBody = z.object({ prospectIds: z.array(z.uuid()).min(1).max(1000) });
export const memberParams = z.object({ id: z.uuid(), prospectId: z.uuid() });
export const member = prospectSummary.extend({ addedAt: z.date() });
export const memberPage = pageOf(member);
export const collectionQuery = z.object({ q: searchQuery, ...pageQuery });

export const list = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(["STATIC", "DYNAMIC"]).describe("DYNAMIC: the members are the criteria's matches, kept current"),
    memberCount: z.number().int(),
    createdAt: z.date(),
    criteria: z.any().optional().describe("DYNAMIC only"),
    evaluatedAt: z.date().nullable().optional().describe("DYNAMIC only: last full re-evaluation"),
    description: z.string().optional().describe("DYNAMIC only, single list: the criteria in words"),
  })
  .meta({ id: "List" });
export const listPage = pageOf(list);
export const listMembersAdded = z.object({ affected: z.number().int().describe("members newly added") });

export type List = ResponseOf<typeof list>;
export type Member = ResponseOf<typeof member>;
export type NameBody = RequestOf<typeof nameBody>;
export type ProspectIdsBody = RequestOf<typeof prospectIdsBody>;
