import { asRecord, compact, keyOf, num, optBool, optKey, optNum, optStr, str } from "./values";

const READERS = { key: keyOf, optKey, str, optStr, num, optNum, optBool };
type Readers = typeof READERS;

/** The fields of T a reader may fill: those whose type takes what the reader returns. */
type FieldsFor<T, V> = { [K in keyof T]-?: [V] extends [T[K]] ? K : never }[keyof T] & string;

/** GoTo's fields of a record grouped by how each is read, as its spec lists them. */
export type FieldSpec<T> = { [R in keyof Readers]?: readonly FieldsFor<T, ReturnType<Readers[R]>>[] };

/**
 * A record from GoTo read field by field with the reader its spec names, absent ones left out
 * (see compact). Most records are flat lists of keys, strings and numbers; one spec per type says
 * which is which. `from` gives the GoTo keys to try, in order, for a field spelled otherwise
 * (older spellings, or another name in another operation).
 */
export function readFields<T extends object>(
  value: unknown,
  spec: FieldSpec<T>,
  from: Partial<Record<keyof T & string, readonly string[]>> = {},
): T {
  const record = asRecord(value);
  const out: Record<string, unknown> = {};
  for (const [reader, fields] of Object.entries(spec) as [keyof Readers, readonly (keyof T & string)[]][]) {
    for (const field of fields) {
      const raw = (from[field] ?? [field]).map((key) => record[key]).find((v) => v !== undefined && v !== null);
      out[field] = READERS[reader](raw);
    }
  }
  return compact(out) as T;
}
