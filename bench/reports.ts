/**
 * Do the webinar reports stay fast at scale? Creates a scratch database, seeds one account with
 * 10,000 webinars × 100 registrations (1,000,000 rows) by SQL `generate_series`, then times the
 * report queries exactly as the API runs them: the webinars report (page 1 of each tab, by date
 * and by a count), a webinar's page and one drill-down page. Prints p50/p99 and drops the database.
 *
 *   npx tsx bench/reports.ts [--webinars 10000] [--registrations 100] [--runs 50] [--keep]
 *
 * `--keep` leaves the database for EXPLAIN sessions (its name is printed); drop it yourself.
 * `--database <name>` times the queries again on such a kept database, without seeding.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDb, migrateDeploy, withDatabase } from "@gw/db";
import { getWebinarDetail, listWebinarProspects, listWebinarReport } from "@gw/domain/reports";

const { values } = parseArgs({
  options: {
    webinars: { type: "string", default: "10000" },
    registrations: { type: "string", default: "100" },
    prospects: { type: "string", default: "200000" },
    runs: { type: "string", default: "50" },
    keep: { type: "boolean", default: false },
    database: { type: "string" },
  },
});
const WEBINARS = Number(values.webinars);
const PER_WEBINAR = Number(values.registrations);
const PROSPECTS = Math.max(Number(values.prospects), PER_WEBINAR);
const RUNS = Number(values.runs);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const reuse = values.database;
const name = reuse ?? `gw_bench_reports_${randomBytes(4).toString("hex")}`;
const url = new URL(SERVER_URL);
url.pathname = `/${name}`;
const databaseUrl = url.toString();

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function seed(): Promise<{ accountId: string; ended: string; upcoming: string }> {
  return withDatabase(
    databaseUrl,
    async (client) => {
      const sql = async (label: string, text: string) => {
        const started = performance.now();
        const result = await client.query(text);
        console.log(`  ${label.padEnd(34)} ${String(result.rowCount ?? "").padStart(9)} rows  ${seconds(started)}`);
        return result;
      };
      const account = await client.query(`INSERT INTO "Account" ("name") VALUES ('Bench') RETURNING "id"`);
      const accountId: string = account.rows[0].id;
      // A second tenant with its own rows, so the account filter has something to filter out.
      const other = await client.query(`INSERT INTO "Account" ("name") VALUES ('Other') RETURNING "id"`);
      for (const [id, n] of [
        [accountId, 5],
        [other.rows[0].id, 1],
      ] as const) {
        await client.query(
          `INSERT INTO "Connector" ("accountId", "name", "connectorUserEmail", "status", "organizerKey", "updatedAt")
           SELECT $1::uuid, 'Organizer ' || g, 'organizer' || g || '@bench.test', 'VERIFIED', $1::text || '-' || g, now()
           FROM generate_series(1, $2::int) g`,
          [id, n],
        );
      }
      await sql(
        "prospects",
        `INSERT INTO "Prospect" ("accountId", "email", "firstName", "lastName", "company", "source", "updatedAt")
         SELECT '${accountId}', 'p' || g || '@bench.test', 'First' || (g % 997), 'Last' || (g % 1009), 'Company ' || (g % 5000), 'GOTO_SYNC', now()
         FROM generate_series(0, ${PROSPECTS - 1}) g`,
      );
      // Webinars every ~1.9 h from 2 years ago to ~3 months ahead; 1% cancelled.
      await sql(
        "webinars",
        `WITH c AS (SELECT "id", row_number() OVER (ORDER BY "id") - 1 AS n FROM "Connector" WHERE "accountId" = '${accountId}')
         INSERT INTO "Webinar" ("accountId", "connectorId", "webinarKey", "subject", "timeZone", "startsAt", "endsAt", "status", "updatedAt")
         SELECT '${accountId}', c."id", (8000000000000000000 + g)::text, 'Bench webinar ' || g, 'Europe/Paris',
                now() - interval '730 days' + g * interval '114 minutes',
                now() - interval '730 days' + g * interval '114 minutes' + interval '1 hour',
                (CASE WHEN g % 100 = 0 THEN 'CANCELLED'
                      WHEN now() - interval '730 days' + g * interval '114 minutes' + interval '1 hour' < now() THEN 'ENDED'
                      ELSE 'SCHEDULED' END)::"WebinarStatus", now()
         FROM generate_series(0, ${WEBINARS - 1}) g JOIN c ON c.n = g % 5`,
      );
      await sql(
        "other tenant's webinars",
        `INSERT INTO "Webinar" ("accountId", "connectorId", "webinarKey", "subject", "startsAt", "endsAt", "status", "updatedAt")
         SELECT c."accountId", c."id", (9000000000000000000 + g)::text, 'Other ' || g, now() - g * interval '1 hour',
                now() - g * interval '1 hour' + interval '1 hour', 'ENDED', now()
         FROM "Connector" c, generate_series(1, 1000) g WHERE c."accountId" = '${other.rows[0].id}'`,
      );
      // Registrations: prospect (w * 37 + j) mod P is distinct within a webinar; 3% cancelled,
      // ~60% of the rest attended when the webinar has ended.
      await sql(
        "registrations",
        `WITH w AS (SELECT "id", "startsAt", "status", row_number() OVER (ORDER BY "startsAt") - 1 AS n
                    FROM "Webinar" WHERE "accountId" = '${accountId}'),
              p AS (SELECT "id", (substring("email" from 2 for position('@' in "email") - 2))::int AS n
                    FROM "Prospect" WHERE "accountId" = '${accountId}')
         INSERT INTO "WebinarRegistration" ("accountId", "webinarId", "prospectId", "registrantKey", "status", "source",
                                            "registeredAt", "attended", "attendanceSeconds", "updatedAt")
         SELECT '${accountId}', w."id", p."id", (7000000000000000000 + w.n * ${PER_WEBINAR} + j)::text,
                (CASE WHEN (w.n + j) % 33 = 0 THEN 'CANCELLED' WHEN j % 10 = 0 THEN 'WAITING' ELSE 'APPROVED' END)::"RegistrationStatus",
                (CASE WHEN j % 4 = 0 THEN 'FORM' ELSE 'GOTO' END)::"RegistrationSource",
                w."startsAt" - (j % 21) * interval '1 day' - j * interval '7 minutes',
                w."status" = 'ENDED' AND (w.n * 7 + j) % 5 < 3 AND (w.n + j) % 33 <> 0,
                CASE WHEN w."status" = 'ENDED' AND (w.n * 7 + j) % 5 < 3 THEN 60 + ((w.n + j * 13) % 3600) ELSE 0 END, now()
         FROM w CROSS JOIN generate_series(0, ${PER_WEBINAR - 1}) j
         JOIN p ON p.n = (w.n * 37 + j) % ${PROSPECTS}`,
      );
      await sql("analyze", `ANALYZE`);
      const ended = await client.query(
        `SELECT "id" FROM "Webinar" WHERE "accountId" = $1 AND "status" = 'ENDED' ORDER BY "startsAt" DESC LIMIT 1`,
        [accountId],
      );
      const upcoming = await client.query(
        `SELECT "id" FROM "Webinar" WHERE "accountId" = $1 AND "status" = 'SCHEDULED' ORDER BY "startsAt" LIMIT 1`,
        [accountId],
      );
      return { accountId, ended: ended.rows[0].id, upcoming: upcoming.rows[0].id };
    },
    name,
  );
}

async function time(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(); // warm the cache and the plan
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  return { query: label, runs: RUNS, "p50 ms": Number(pick(0.5).toFixed(1)), "p99 ms": Number(pick(0.99).toFixed(1)) };
}

async function prepare() {
  if (reuse) {
    const found = await withDatabase(
      databaseUrl,
      (client) =>
        client.query(`SELECT a."id" AS "accountId",
          (SELECT "id" FROM "Webinar" WHERE "accountId" = a."id" AND "status" = 'ENDED' ORDER BY "startsAt" DESC LIMIT 1) AS ended,
          (SELECT "id" FROM "Webinar" WHERE "accountId" = a."id" AND "status" = 'SCHEDULED' ORDER BY "startsAt" LIMIT 1) AS upcoming
        FROM "Account" a WHERE a."name" = 'Bench'`),
      name,
    );
    return found.rows[0] as { accountId: string; ended: string; upcoming: string };
  }
  console.log(`scratch database ${name}: ${WEBINARS} webinars × ${PER_WEBINAR} registrations, ${PROSPECTS} prospects`);
  await withDatabase(SERVER_URL, (client) => client.query(`CREATE DATABASE "${name}"`));
  const started = performance.now();
  await migrateDeploy(databaseUrl);
  console.log(`migrated in ${seconds(started)}; seeding ...`);
  const seedStarted = performance.now();
  const seeded = await seed();
  console.log(`seeded in ${seconds(seedStarted)}\n`);
  return seeded;
}

const db = createDb(databaseUrl, { poolSize: 2 });
try {
  const { accountId, ended, upcoming } = await prepare();
  const rows = [
    await time("report upcoming, page 1 (by date)", () => listWebinarReport({ db, accountId, tab: "upcoming" })),
    await time("report finished, page 1 (by date)", () => listWebinarReport({ db, accountId, tab: "finished" })),
    await time("report finished, page 200 (by date)", () =>
      listWebinarReport({ db, accountId, tab: "finished", page: 200 }),
    ),
    await time("report finished, search subject", () =>
      listWebinarReport({ db, accountId, tab: "finished", q: "webinar 99" }),
    ),
    await time("report finished, by registered", () =>
      listWebinarReport({ db, accountId, tab: "finished", sort: "registered", order: "desc" }),
    ),
    await time("report finished, by attendance rate", () =>
      listWebinarReport({ db, accountId, tab: "finished", sort: "attendanceRate", order: "desc" }),
    ),
    await time("webinar detail (counts, per day)", () => getWebinarDetail({ db, accountId, webinarId: ended })),
    await time("drill-down absent, page 1 (by email)", () =>
      listWebinarProspects({ db, accountId, webinarId: ended, segment: "absent" }),
    ),
    await time("drill-down registered, by minutes", () =>
      listWebinarProspects({ db, accountId, webinarId: ended, segment: "registered", sort: "minutes", order: "desc" }),
    ),
    await time("drill-down upcoming, registered", () =>
      listWebinarProspects({ db, accountId, webinarId: upcoming, segment: "registered" }),
    ),
  ];
  console.table(rows);
} finally {
  await db.$disconnect();
  if (values.keep || reuse) console.log(`kept ${name}`);
  else {
    await withDatabase(SERVER_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    console.log(`dropped ${name}`);
  }
}
