import { CONDITION_TYPES } from "@gw/api-contract";
import type { z } from "zod";
import { invalid } from "../errors/index";
import {
  type Condition,
  type Criteria,
  type CriteriaNode,
  conditionSchema,
  groupSchema,
  MAX_CONDITIONS,
  MAX_DEPTH,
} from "./criteria";

const SCHEMA_BY_TYPE = new Map<string, z.ZodType>(
  conditionSchema.options.map((schema) => {
    const variant = "options" in schema ? schema.options[0] : schema;
    return [(variant as z.ZodObject).shape.type.value as string, schema];
  }),
);

/**
 * Checks a criteria tree node by node, so a mistake is reported where it is: the message names
 * the path (`criteria.conditions.1.status`) and says what is allowed there, instead of a union's
 * "invalid input" for the whole tree.
 */
export function parseCriteria(input: unknown, field = "criteria"): Criteria {
  let count = 0;
  const walk = (node: unknown, path: string, depth: number): CriteriaNode => {
    if (typeof node !== "object" || node === null || Array.isArray(node)) {
      throw invalid(path, `${path} must be a condition or a group object`, node);
    }
    const type = (node as { type?: unknown }).type;
    if (type === "group") {
      if (depth > MAX_DEPTH) throw invalid(path, `${path}: groups nest at most ${MAX_DEPTH} deep`);
      const { conditions, ...rest } = node as { conditions?: unknown };
      if (!Array.isArray(conditions) || conditions.length === 0) {
        throw invalid(`${path}.conditions`, `${path}.conditions must be a non-empty array of conditions`, conditions);
      }
      const shell = check(groupSchema, { ...rest, conditions: [{ type: "score", op: "gte", value: 0 }] }, path);
      return {
        ...(shell as object),
        conditions: conditions.map((c, i) => walk(c, `${path}.conditions.${i}`, depth + 1)),
      } as CriteriaNode;
    }
    count += 1;
    if (count > MAX_CONDITIONS) throw invalid(field, `${field} may have at most ${MAX_CONDITIONS} conditions`);
    const schema = typeof type === "string" ? SCHEMA_BY_TYPE.get(type) : undefined;
    if (!schema) {
      throw invalid(
        `${path}.type`,
        `${path}.type must be "group" or one of ${CONDITION_TYPES.map((t) => `"${t}"`).join(", ")}`,
        type,
      );
    }
    return check(schema, node, path) as Condition;
  };
  const root = walk(input, field, 1);
  if (root.type !== "group")
    throw invalid(`${field}.type`, `${field} must be a group ({ type: "group", match, conditions })`);
  return root;
}

function check(schema: z.ZodType, value: unknown, path: string): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // The deepest, most specific issue: union variants report through `errors`.
  const issue = firstIssue(parsed.error.issues);
  const where = [path, ...issue.path.map(String)].join(".");
  const sent = issue.path.reduce<unknown>(
    (v, key) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined),
    value,
  );
  throw invalid(where, `${where}: ${issue.message}`, sent);
}

type Issue = z.core.$ZodIssue;
function firstIssue(issues: readonly Issue[]): { path: PropertyKey[]; message: string } {
  const issue = issues[0]!;
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    // The variant that got furthest (longest path) is the one the caller meant.
    const best = issue.errors.map((variant) => firstIssue(variant)).sort((a, b) => b.path.length - a.path.length)[0]!;
    return { path: [...issue.path, ...best.path], message: best.message };
  }
  if (issue.code === "unrecognized_keys") {
    return { path: [...issue.path, issue.keys[0]!], message: "is not a known property of this condition" };
  }
  return { path: [...issue.path], message: issue.message };
}
