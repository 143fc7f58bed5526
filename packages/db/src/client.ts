import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

/** The node-postgres pool under each client, for pgQuery (see there for why). */
const pools = new WeakMap<object, pg.Pool>();

/** One Prisma client over node-postgres (no native query engine: see docs/database.md). */
export function createDb(
  databaseUrl: string,
  options: {
    poolSize?: number;
    /**
     * How long a query may wait for a connection (a new one, or a free one of a busy pool) before
     * it fails as "database unavailable". Default: forever (node-postgres's own default).
     */
    connectionTimeoutMs?: number;
  } = {},
): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 0,
    // JIT compilation costs 20–50 ms whenever the planner's estimate passes jit_above_cost, which
    // batch statements over thousands of rows do, for queries that run in a few milliseconds. Set
    // on each new connection before its first use, not as a startup option (PgBouncer and some
    // managed poolers refuse those).
    onConnect: async (connection) => {
      await connection.query("SET jit = off").catch(() => undefined);
    },
  });
  // An idle connection dropped by the server must not crash the process (Prisma adds its own
  // listener only once it connects; pgQuery may use the pool first).
  pool.on("error", () => undefined);
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/** The pool of a client made by createDb; undefined for a transaction's client. */
export function poolOf(db: object): pg.Pool | undefined {
  return pools.get(db);
}
