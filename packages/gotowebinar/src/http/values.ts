/**
 * Small readers that turn a parsed (unknown) GoTo response into typed values. They are lenient
 * about absent fields (GoTo omits some) but never turn a key into a JS number.
 */
export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): JsonRecord {
  return isRecord(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A key as a string, whether GoTo sent it as a JSON number or string; "" when absent. */
export function keyOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value))
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "bigint") return value.toString();
  return "";
}

export function optKey(value: unknown): string | undefined {
  const key = keyOf(value);
  return key === "" ? undefined : key;
}

export function str(value: unknown): string {
  return optStr(value) ?? "";
}

export function optStr(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return undefined;
}

export function optNum(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function num(value: unknown): number {
  return optNum(value) ?? 0;
}

export function optBool(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

/** Drops properties whose value is undefined, so typed outputs only carry what GoTo sent. */
export function compact<T extends object>(value: T): T {
  for (const k of Object.keys(value) as (keyof T)[]) {
    if (value[k] === undefined) delete value[k];
  }
  return value;
}

/** A copy of a request body without undefined properties. */
export function dropUndefined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}
