import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";

/**
 * A value a test file's tests share, made in `beforeAll` and closed in `afterAll`. It replaces the
 * `let x; beforeAll(() => x = ...); afterAll(() => x?.close())` stanza every file repeated:
 * `const api = fixture(() => createTestApi("x"), (a) => a.close())` at the top of the file, read in
 * hooks and tests as the value itself. Fixtures are made in the order they are declared (a later
 * one may read an earlier one) and closed in reverse (vitest runs `afterAll` hooks as a stack).
 */
export function fixture<T extends object>(
  make: () => Promise<T> | T,
  close?: (value: T) => Promise<unknown> | unknown,
): T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await make();
  });
  if (close) {
    afterAll(async () => {
      // Nothing to close when making it failed: the failure is what the run reports.
      if (value) await close(value);
    });
  }
  const current = (): T => {
    if (!value) throw new Error("a fixture was read before its beforeAll made it (read it inside hooks and tests)");
    return value;
  };
  return new Proxy({} as T, {
    get(_, key) {
      // `await fixture` (or a Promise check) before it is made must not look like a thenable.
      if (key === "then" && !value) return undefined;
      const target = current();
      const member = Reflect.get(target, key, target);
      return typeof member === "function" ? member.bind(target) : member;
    },
    set: (_, key, newValue) => Reflect.set(current(), key, newValue),
    has: (_, key) => Reflect.has(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(current(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

/**
 * The id of a row the file's tests share, known at once and made in `beforeAll`:
 * `const accountId = useId((id) => createAccount(db, { id }))`.
 */
export function useId(make: (id: string) => Promise<unknown>): string {
  const id = randomUUID();
  beforeAll(async () => {
    await make(id);
  });
  return id;
}
