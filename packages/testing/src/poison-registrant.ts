import type { Db } from "@gw/db";

/**
 * Runs `work` while writing a registration with this registrant key fails inside Postgres (a
 * trigger raises "poison registrant"), as an event that cannot be stored would: for the tests of
 * what a failing batch does to the others.
 */
export async function withPoisonRegistrant<T>(db: Db, registrantKey: string, work: () => Promise<T>): Promise<T> {
  if (!/^\d+$/.test(registrantKey)) throw new Error("a registrant key is digits");
  const name = `poison_${registrantKey}`;
  await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW."registrantKey" = '${registrantKey}' THEN RAISE EXCEPTION 'poison registrant'; END IF; RETURN NEW; END $$`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE INSERT ON "WebinarRegistration" FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  );
  try {
    return await work();
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "WebinarRegistration"`);
    await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  }
}
