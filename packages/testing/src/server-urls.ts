/** The servers the tests use: the machine's own unless a run points elsewhere. */
export const TEST_SERVER_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export function databaseUrlFor(name: string): string {
  const url = new URL(TEST_SERVER_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
