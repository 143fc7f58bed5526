import { z } from "zod";
import { pageOf, pageQuery, prospectSummary, type RequestOf, type ResponseOf, searchQuery } from "./common";
import { type Criteria, criteriaInput } from "./segments";

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

export const createListBody = z.object({ name: nameBody.shape.name, criteria: criteriaInput.optional() });
export const updateListBody = z
  .object({ name: nameBody.shape.name.optional(), criteria: criteriaInput.optional() })
  .refine((b) => b.name !== undefined || b.criteria !== undefined, "send name, criteria or both");
export const listEvaluation = z.object({
  joined: z.number().int(),
  left: z.number().int(),
  memberCount: z.number().int(),
  evaluatedAt: z.date(),
});
/** The longest history a list keeps answering for: 90 days. */
export const MAX_HISTORY_HOURS = 2160;
export const listHistoryQuery = z.object({
  hours: z.coerce.number().int().min(1).max(MAX_HISTORY_HOURS).default(720),
});
export const listHistory = z.array(z.object({ hour: z.date(), count: z.number().int() }));
export const listChange = prospectSummary.extend({
  joined: z.boolean().describe("true: joined, false: left"),
  at: z.date(),
});
export const listChangePage = pageOf(listChange);
export const listChangesQuery = z.object(pageQuery);

export type List = Omit<ResponseOf<typeof list>, "criteria"> & { criteria?: Criteria };
export type CreateListBody = Omit<RequestOf<typeof createListBody>, "criteria"> & { criteria?: Criteria };
export type ListEvaluation = ResponseOf<typeof listEvaluation>;
export type ListHistory = ResponseOf<typeof listHistory>;
export type ListChange = ResponseOf<typeof listChange>;
export type Member = ResponseOf<typeof member>;
export type NameBody = RequestOf<typeof nameBody>;
export type ProspectIdsBody = RequestOf<typeof prospectIdsBody>;
