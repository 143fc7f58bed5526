import { invalid } from "../errors/index";

/** A position in the change log: the (txid, id) of the last change a reader took. */
export interface ChangePosition {
  txid: string;
  id: string;
}

export const START_POSITION: ChangePosition = { txid: "0", id: "0" };

/** Opaque to callers: they pass back what they were given. */
export function encodeCursor(position: ChangePosition): string {
  return Buffer.from(`${position.txid}.${position.id}`).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, field = "since"): ChangePosition {
  if (!cursor) return START_POSITION;
  const match = /^(\d{1,19})\.(\d{1,19})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match)
    throw invalid(
      field,
      `"${field}" is not a cursor this service gave out: pass the nextCursor of a previous page, or leave it out to start at the beginning.`,
      cursor,
    );
  return { txid: match[1]!, id: match[2]! };
}
