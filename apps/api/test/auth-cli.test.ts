import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { verifyPassword } from "@gw/domain/auth";
import { createTestDatabase, repoRoot, type TestDatabase } from "@gw/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("usercli");
});
afterAll(async () => database?.drop());

async function run(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      path.join(repoRoot, "node_modules/.bin/tsx"),
      [path.join(repoRoot, "apps/api/src/cli/create-user.ts"), ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: database.url, MIGRATE_ON_START: "false", LOG_LEVEL: "silent" },
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe("npm run user:create", () => {
  it("creates the account and an admin who can log in", async () => {
    const res = await run(
      "--email",
      "First@Acme.test",
      "--account",
      "Acme",
      "--password",
      "long-enough-pw",
      "--name",
      "First Admin",
    );
    expect(res.code).toBe(0);
    expect(res.output).toMatch(/Created account "Acme"/);
    expect(res.output).toMatch(/Created ADMIN first@acme.test/);
    expect(res.output).not.toContain("long-enough-pw");
    const user = await database.db.user.findUniqueOrThrow({
      where: { email: "first@acme.test" },
      include: { account: true },
    });
    expect(user).toMatchObject({ role: "ADMIN", name: "First Admin", account: { name: "Acme" } });
    expect(await verifyPassword("long-enough-pw", user.passwordHash)).toBe(true);
  }, 60_000);

  it("adds to an existing account, generates and prints a password when none is given", async () => {
    const res = await run("--email", "second@acme.test", "--account", "Acme");
    expect(res.code).toBe(0);
    expect(res.output).toMatch(/Using account "Acme"/);
    const password = /with password: (\S+)/.exec(res.output)?.[1];
    const user = await database.db.user.findUniqueOrThrow({ where: { email: "second@acme.test" } });
    expect(await verifyPassword(password!, user.passwordHash)).toBe(true);
    expect(await database.db.account.count({ where: { name: "Acme" } })).toBe(1);
  }, 60_000);

  it("makes operators only from the command line: a new user with --operator, or an existing one", async () => {
    const created = await run("--email", "ops@acme.test", "--account", "Acme", "--operator");
    expect(created).toMatchObject({
      code: 0,
      output: expect.stringMatching(/Created ADMIN \(operator\) ops@acme.test/),
    });
    expect(await database.db.user.findUniqueOrThrow({ where: { email: "ops@acme.test" } })).toMatchObject({
      isOperator: true,
    });
    expect((await database.db.user.findUniqueOrThrow({ where: { email: "second@acme.test" } })).isOperator).toBe(false);
    const granted = await run("--email", "second@acme.test", "--account", "Acme", "--operator");
    expect(granted).toMatchObject({
      code: 0,
      output: expect.stringContaining('second@acme.test (account "Acme") is now an operator'),
    });
    expect((await database.db.user.findUniqueOrThrow({ where: { email: "second@acme.test" } })).isOperator).toBe(true);
  }, 120_000);

  it("refuses bad input with a message naming what to fix", async () => {
    expect(await run("--account", "Acme")).toMatchObject({
      code: 1,
      output: expect.stringContaining("--email is required"),
    });
    expect(await run("--email", "x@acme.test", "--account", "Acme", "--password", "short")).toMatchObject({
      code: 1,
      output: expect.stringContaining("password must be at least 10 characters"),
    });
    const duplicate = await run("--email", "first@acme.test", "--account", "Acme", "--password", "long-enough-pw");
    expect(duplicate).toMatchObject({
      code: 1,
      output: expect.stringContaining("a user with e-mail first@acme.test already exists"),
    });
    expect(await run("--email", "first@acme.test", "--account", "Acme", "--if-missing")).toMatchObject({
      code: 0,
      output: expect.stringContaining("nothing to do"),
    });
  }, 120_000);
});
