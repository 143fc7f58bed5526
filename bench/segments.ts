/**
 * Are dynamic lists and automation rules fast at scale? Creates a scratch database, seeds one
 * account with 1,000,000 prospects, 3,000,000 registrations and 5,000,000 activities by SQL
 * `generate_series` (triggers off and secondary indexes dropped while seeding, then rebuilt and
 * vacuumed), then times:
 *   - the preview of a three-condition criteria (count + sample), as POST /api/segments/preview runs it;
 *   - a dynamic list's full evaluation (first, and again with nothing to change);
 *   - the incremental path: a burst of 10,000 attendances written as a sync writes them (10
 *     statements of 1,000 registrations + activities), with the segment consumer running (LISTEN +
 *     sweep): time until every affected list and rule is current, and the per-prospect delay from
 *     the write to the list join and to the rule's run.
 * Prints a table and drops the database.
 *
 *   npx tsx bench/segments.ts [--prospects 1000000] [--runs 20] [--burst 10000] [--keep]
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDb, migrateDeploy, pgQuery, withDatabase } from "@gw/db";
import { createList } from "@gw/domain/lists";
import { createRule, enableRule } from "@gw/domain/rules";
import { evaluateDynamicList, previewCriteria } from "@gw/domain/segments";
import { createLogger } from "@gw/logger";
import { testConfig } from "@gw/testing";
import type { WorkerDeps } from "../apps/worker/src/deps";
import { startSegmentConsumer } from "../apps/worker/src/segment-consumer";

const { values } = parseArgs({
  options: {
    prospects: { type: "string", default: "1000000" },
    runs: { type: "string", default: "20" },
    burst: { type: "string", default: "10000" },
    keep: { type: "boolean", default: false },
  },
});
const PROSPECTS = Number(values.prospects);
const RUNS = Number(values.runs);
const BURST = Number(values.burst);
const WEBINARS = 200;
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `gw_bench_segments_${randomBytes(4).toString("hex")}`;
const url = new URL(SERVER_URL);
url.pathname = `/${name}`;
const databaseUrl = url.toString();

const ms = (since: number) => performance.now() - since;
const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const fmt = (n: number) => `${Math.round(n)} ms`;

await withDatabase(SERVER_URL, (client) => client.query(`CREATE DATABASE "${name}"`));
await migrateDeploy(databaseUrl);
const db = createDb(databaseUrl, { poolSize: 6 });
const rows: { measure: string; result: string; target: string }[] = [];

try {
  console.log(`seeding ${PROSPECTS.toLocaleString()} prospects into ${name} ...`);
  const seedStarted = performance.now();
  const { accountId, webinarA, webinarB, connectorId } = await withDatabase(
    databaseUrl,
    async (client) => {
      const q = async (text: string) => {
        const started = performance.now();
        const result = await client.query(text);
        console.log(
          `  ${text.trim().split("\n")[0]!.slice(0, 60).padEnd(60)} ${String(result.rowCount ?? "").padStart(9)} rows ${fmt(ms(started))}`,
        );
        return result;
      };
      // Seeding is not a change anybody waits for: no dirty marks, no exclusion checks.
      await client.query("SET session_replication_role = replica");
      // Secondary indexes are built once after the load instead of row by row during it (several
      // times faster on 9,000,000 rows); the ones behind constraints (primary keys) stay.
      const indexes = (
        await client.query<{ name: string; definition: string }>(
          `SELECT i."indexname" AS "name", i."indexdef" AS "definition" FROM pg_indexes i
           WHERE i."schemaname" = 'public' AND i."tablename" IN ('Prospect', 'WebinarRegistration', 'Activity')
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c."conname" = i."indexname")`,
        )
      ).rows;
      for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
      const account = (await client.query(`INSERT INTO "Account" ("name") VALUES ('Bench') RETURNING "id"`)).rows[0]
        .id as string;
      const other = (await client.query(`INSERT INTO "Account" ("name") VALUES ('Other') RETURNING "id"`)).rows[0]
        .id as string;
      const connector = (
        await client.query(
          `INSERT INTO "Connector" ("accountId", "name", "connectorUserEmail", "status", "organizerKey", "updatedAt")
           VALUES ($1, 'Bench', 'o@bench.example', 'VERIFIED', 'org-bench', now()) RETURNING "id"`,
          [account],
        )
      ).rows[0].id as string;
      await client.query(
        `INSERT INTO "Webinar" ("accountId", "connectorId", "webinarKey", "subject", "startsAt", "endsAt", "status", "attendanceSyncs", "updatedAt")
         SELECT $1, $2, 'wk' || i, 'Bench webinar ' || i, now() - (i || ' days')::interval, now() - (i || ' days')::interval + interval '1 hour',
           'ENDED', 1, now()
         FROM generate_series(1, ${WEBINARS}) i`,
        [account, connector],
      );
      await client.query(
        `INSERT INTO "Webinar" ("accountId", "connectorId", "webinarKey", "subject", "startsAt", "endsAt", "status", "attendanceSyncs", "updatedAt")
         VALUES ($1, $2, 'wk-burst', 'Burst webinar', now() - interval '2 hours', now() - interval '1 hour', 'ENDED', 1, now())`,
        [account, connector],
      );
      await q(`INSERT INTO "Prospect" ("accountId", "email", "firstName", "lastName", "company", "score", "source", "createdAt", "updatedAt")
        SELECT '${account}', 'p' || i || '@bench.example', 'First' || i, 'Last' || i, 'Company ' || (i % 5000), (i * 37) % 100,
          (CASE i % 3 WHEN 0 THEN 'GOTO_SYNC' WHEN 1 THEN 'FORM' ELSE 'MANUAL' END)::"ProspectSource",
          now() - ((i % 400) || ' days')::interval, now()
        FROM generate_series(1, ${PROSPECTS}) i`);
      await q(`INSERT INTO "Prospect" ("accountId", "email", "score", "updatedAt")
        SELECT '${other}', 'o' || i || '@other.example', 50, now() FROM generate_series(1, 10000) i`);
      await q(`CREATE TEMP TABLE w AS SELECT row_number() OVER (ORDER BY "webinarKey") - 1 AS n, "id" FROM "Webinar"
        WHERE "accountId" = '${account}' AND "webinarKey" <> 'wk-burst'`);
      await q(
        `CREATE TEMP TABLE p AS SELECT row_number() OVER (ORDER BY "email") AS i, "id" FROM "Prospect" WHERE "accountId" = '${account}'`,
      );
      // Three webinars per prospect: the first attended, the second accepted, the third registered only.
      await q(`INSERT INTO "WebinarRegistration" ("accountId", "webinarId", "prospectId", "registeredAt", "attended", "attendanceSeconds", "updatedAt")
        SELECT '${account}', w."id", p."id", now() - interval '30 days', k = 0, CASE WHEN k = 0 THEN 1800 ELSE 0 END, now()
        FROM p CROSS JOIN generate_series(0, 2) k JOIN w ON w.n = (p.i * 7 + k * 61) % ${WEBINARS}`);
      await q(`INSERT INTO "Activity" ("accountId", "prospectId", "webinarId", "type", "occurredAt")
        SELECT '${account}', r."prospectId", r."webinarId", t::"ActivityType", r."registeredAt" + (p.i % 60 || ' days')::interval
        FROM "WebinarRegistration" r JOIN p ON p."id" = r."prospectId"
        CROSS JOIN LATERAL (SELECT unnest(CASE WHEN r."attended" THEN ARRAY['REGISTERED', 'ATTENDED']
          WHEN (p.i + 1) % 2 = 0 THEN ARRAY['REGISTERED', 'ACCEPTED'] ELSE ARRAY['REGISTERED'] END) t) a`);
      await client.query("SET maintenance_work_mem = '256MB'");
      for (const index of indexes) await q(index.definition);
      // What autovacuum leaves behind on a live database (statistics, the visibility map that
      // index-only scans read), at once rather than whenever its thresholds are crossed.
      await q(`VACUUM (ANALYZE)`);
      const a = (await client.query(`SELECT "id" FROM w WHERE n = 0`)).rows[0].id as string;
      const b = (await client.query(`SELECT "id" FROM "Webinar" WHERE "webinarKey" = 'wk-burst'`)).rows[0].id as string;
      return { accountId: account, webinarA: a, webinarB: b, connectorId: connector };
    },
    name,
  );
  const [counts] = await pgQuery<{ prospects: number; activities: number; registrations: number }>(
    db,
    `SELECT (SELECT count(*)::int FROM "Prospect") AS prospects, (SELECT count(*)::int FROM "Activity") AS activities,
      (SELECT count(*)::int FROM "WebinarRegistration") AS registrations`,
    [],
  );
  console.log(`seeded in ${fmt(ms(seedStarted))}:`, counts);

  // 1. Preview of a three-condition criteria.
  const three = {
    type: "group",
    match: "all",
    conditions: [
      { type: "webinarStatus", status: "attended", webinar: { connectorId } },
      { type: "score", op: "gte", value: 50 },
      { type: "createdWithin", period: { lastDays: 180 } },
    ],
  };
  const timings: number[] = [];
  let matched = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    matched = (await previewCriteria({ db, accountId, criteria: three, sampleSize: 10 })).count;
    timings.push(ms(started));
  }
  rows.push({
    measure: `preview, 3 conditions (${matched.toLocaleString()} match), p50 / p95`,
    result: `${fmt(pct(timings, 50))} / ${fmt(pct(timings, 95))}`,
    target: "p95 ≤ 500 ms",
  });
  const narrow = {
    ...three,
    conditions: [
      { type: "webinarStatus", status: "absent", webinar: { webinarId: webinarA } },
      ...three.conditions.slice(1),
    ],
  };
  const narrowTimings: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await previewCriteria({ db, accountId, criteria: narrow, sampleSize: 10 });
    narrowTimings.push(ms(started));
  }
  rows.push({
    measure: "preview, absent from one webinar + 2, p50 / p95",
    result: `${fmt(pct(narrowTimings, 50))} / ${fmt(pct(narrowTimings, 95))}`,
    target: "p95 ≤ 500 ms",
  });

  // 2. Full evaluation of a dynamic list.
  const list = await createList({ db, accountId, name: "Bench: attended, 50+, recent", criteria: three });
  const first = performance.now();
  const again = await evaluateDynamicList({ db, accountId, listId: list.id });
  const firstMs = ms(first);
  rows.push({
    measure: `full evaluation, nothing to change (${again.memberCount.toLocaleString()} members)`,
    result: fmt(firstMs),
    target: "≤ 3 s",
  });
  await pgQuery(db, `DELETE FROM "ListMembership" WHERE "listId" = $1::uuid`, [list.id]);
  const fresh = performance.now();
  const rebuilt = await evaluateDynamicList({ db, accountId, listId: list.id });
  rows.push({
    measure: `full evaluation, every member joins (${rebuilt.joined.toLocaleString()})`,
    result: fmt(ms(fresh)),
    target: "≤ 3 s",
  });
  await pgQuery(db, `TRUNCATE "SegmentDirtyProspect"`, []);

  // 3. The incremental path under a burst.
  const burstList = await createList({
    db,
    accountId,
    name: "Bench: attended the burst webinar",
    criteria: {
      type: "group",
      match: "all",
      conditions: [{ type: "webinarStatus", status: "attended", webinar: { webinarId: webinarB } }],
    },
  });
  const rule = await createRule({
    db,
    accountId,
    name: "Bench: burst attendees get a tag",
    criteria: {
      type: "group",
      match: "all",
      conditions: [{ type: "webinarStatus", status: "attended", webinar: { webinarId: webinarB } }],
    },
    actions: [
      { type: "ADD_TAG", tag: "burst" },
      { type: "ADJUST_SCORE", points: 5 },
    ],
  });
  await enableRule({ db, accountId, ruleId: rule.id, giveUpAfterMs: 86_400_000 });
  const config = testConfig({ databaseUrl, redisUrl: "redis://127.0.0.1:6379", redisPrefix: `bench-${name}` });
  const log = createLogger({ name: "bench", level: "warn", pretty: false });
  const consumer = startSegmentConsumer({ config, db, log } as unknown as WorkerDeps, { sweepEveryMs: 2000 });
  await new Promise((resolve) => setTimeout(resolve, 500)); // LISTEN connected

  const targets = await pgQuery<{ id: string }>(
    db,
    `SELECT "id" FROM "Prospect" WHERE "accountId" = $1::uuid ORDER BY md5("id"::text) LIMIT $2::int`,
    [accountId, BURST],
  );
  const burstStarted = performance.now();
  for (let i = 0; i < targets.length; i += 1000) {
    const ids = targets.slice(i, i + 1000).map((t) => t.id);
    await pgQuery(
      db,
      `WITH r AS (
         INSERT INTO "WebinarRegistration" ("accountId", "webinarId", "prospectId", "registeredAt", "attended", "attendanceSeconds", "updatedAt")
         SELECT $1::uuid, $2::uuid, unnest($3::uuid[]), now() - interval '1 day', true, 1200, now() RETURNING "prospectId"
       )
       INSERT INTO "Activity" ("accountId", "prospectId", "webinarId", "type", "occurredAt")
       SELECT $1::uuid, "prospectId", $2::uuid, 'ATTENDED', now() FROM r`,
      [accountId, webinarB, ids],
    );
  }
  const written = ms(burstStarted);
  for (;;) {
    const [state] = await pgQuery<{ members: number; runs: number }>(
      db,
      `SELECT (SELECT count(*)::int FROM "ListMembership" WHERE "listId" = $1::uuid) AS members,
              (SELECT count(*)::int FROM "AutomationRuleRun" WHERE "ruleId" = $2::uuid) AS runs`,
      [burstList.id, rule.id],
    );
    if (state!.members >= targets.length && state!.runs >= targets.length) break;
    if (ms(burstStarted) > 120_000) throw new Error(`burst not settled after 2 minutes: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const settled = ms(burstStarted);
  await consumer.close();
  const [delays] = await pgQuery<{ list50: number; list99: number; rule50: number; rule99: number }>(
    db,
    `WITH l AS (SELECT extract(epoch FROM c."at" - r."createdAt") * 1000 AS d FROM "ListMembershipChange" c
                JOIN "WebinarRegistration" r ON r."prospectId" = c."prospectId" AND r."webinarId" = $3::uuid WHERE c."listId" = $1::uuid),
          x AS (SELECT extract(epoch FROM x."at" - r."createdAt") * 1000 AS d FROM "AutomationRuleRun" x
                JOIN "WebinarRegistration" r ON r."prospectId" = x."prospectId" AND r."webinarId" = $3::uuid WHERE x."ruleId" = $2::uuid)
     SELECT (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d) FROM l) AS list50,
            (SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY d) FROM l) AS list99,
            (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d) FROM x) AS rule50,
            (SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY d) FROM x) AS rule99`,
    [burstList.id, rule.id, webinarB],
  );
  rows.push({
    measure: `burst of ${targets.length.toLocaleString()} attendances: written in`,
    result: fmt(written),
    target: "",
  });
  rows.push({ measure: "burst: every list and rule current, from the first write", result: fmt(settled), target: "" });
  rows.push({
    measure: "burst: every list and rule current, after the last write",
    result: fmt(settled - written),
    target: "≤ 5 s",
  });
  rows.push({
    measure: "burst: per prospect, write → list join p50 / p99",
    result: `${fmt(delays!.list50)} / ${fmt(delays!.list99)}`,
    target: "p99 ≤ 2 s",
  });
  rows.push({
    measure: "burst: per prospect, write → rule run p50 / p99",
    result: `${fmt(delays!.rule50)} / ${fmt(delays!.rule99)}`,
    target: "p99 ≤ 2 s",
  });
  console.table(rows);
} finally {
  await db.$disconnect();
  if (values.keep) console.log(`kept database ${name}`);
  else await withDatabase(SERVER_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
