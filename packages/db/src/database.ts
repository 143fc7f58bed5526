import pg from "pg";

export function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
  if (!/^[a-zA-Z0-9_-]+$/.test(name)) throw new Error(`database name "${name}" must be letters, digits, _ or -`);
  return name;
}

/** Runs `fn` on a connection to the server's maintenance database (`postgres`). */
export async function withDatabase<T>(
  databaseUrl: string,
  fn: (client: pg.Client) => Promise<T>,
  database = "postgres",
) {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL if it does not exist yet. Returns true when created. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const name = databaseName(databaseUrl);
  return withDatabase(databaseUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE "${name}"`);
      return true;
    } catch (error) {
      // Two processes starting together (api and worker) may race to create it.
      if ((error as { code?: string }).code === "42P04") return false;
      throw error;
    }
  });
}
