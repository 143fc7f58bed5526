/** Keys arrive as JSON numbers (already strings when long, see parseLossless) or strings. */
export function toKey(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "string" && /^\d{1,19}$/.test(value)) return value.replace(/^0+(?=\d)/, "");
  return undefined;
}
