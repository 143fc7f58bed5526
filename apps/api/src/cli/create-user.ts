// `npm run user:create -- --email ada@example.com --account "Acme" [--password ...] [--name ...]
// [--role ADMIN|MARKETER] [--operator] [--if-missing]`: creates the account when there is none of
// that name, then a user who can log in. Without --password one is generated and printed once.
// --operator makes the user an operator of the installation (the queue dashboard every account
// shares); given for an existing e-mail it grants that to the existing user. No route can.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "@gw/config";
import { createDb, prepareDatabase } from "@gw/db";
import { DomainError } from "@gw/domain";
import { findOrCreateAccount } from "@gw/domain/accounts";
import { createUser, normalizeEmail } from "@gw/domain/auth";

const USAGE =
  'usage: npm run user:create -- --email <e-mail> --account "<account name>" [--password <at least 10 characters>] [--name "<name>"] [--role ADMIN|MARKETER] [--operator] [--if-missing]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      email: { type: "string" },
      account: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "ADMIN" },
      operator: { type: "boolean", default: false },
      "if-missing": { type: "boolean", default: false },
    },
    strict: true,
  }).values;
}
try {
  args = parse();
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (!args.email) fail(`--email is required\n${USAGE}`);
if (!args.account) fail(`--account is required\n${USAGE}`);
const role = args.role?.toUpperCase();
if (role !== "ADMIN" && role !== "MARKETER") fail(`--role must be ADMIN or MARKETER, got ${JSON.stringify(args.role)}`);

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}

await prepareDatabase(config.databaseUrl, { migrate: config.migrateOnStart }).catch((error: Error) =>
  fail(error.message),
);
const db = createDb(config.databaseUrl, { poolSize: 2 });
try {
  const existing = await db.user.findUnique({
    where: { email: normalizeEmail(args.email) },
    include: { account: true },
  });
  if (existing && args.operator) {
    if (!existing.isOperator) await db.user.update({ where: { id: existing.id }, data: { isOperator: true } });
    console.log(
      `User ${existing.email} (account "${existing.account.name}") ${existing.isOperator ? "is already" : "is now"} an operator.`,
    );
  } else if (existing && args["if-missing"]) {
    console.log(`User ${existing.email} already exists in account "${existing.account.name}"; nothing to do.`);
  } else {
    const generated = args.password === undefined;
    const password = args.password ?? randomBytes(12).toString("base64url");
    const { account, created } = await findOrCreateAccount({ db, name: args.account });
    const user = await createUser({
      db,
      accountId: account.id,
      email: args.email,
      password,
      role,
      operator: args.operator,
      name: args.name ?? null,
    });
    console.log(`${created ? "Created" : "Using"} account "${account.name}" (${account.id}).`);
    console.log(
      `Created ${user.role}${user.isOperator ? " (operator)" : ""} ${user.email} (${user.id}). Log in at ${config.http.publicUrl}${generated ? ` with password: ${password}` : "."}`,
    );
  }
} catch (error) {
  await db.$disconnect();
  fail(error instanceof DomainError ? `Cannot create the user: ${error.message}` : String(error));
}
await db.$disconnect();
