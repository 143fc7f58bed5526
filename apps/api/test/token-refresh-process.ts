// One process of the "two processes renew one connector's token at once" test: builds the
// connector's GoTo client, prints "ready", waits for a line on stdin, calls GoTo once and prints
// the outcome as one JSON line.
import { once } from "node:events";
import { loadConfig } from "@gw/config";
import { createDb } from "@gw/db";
import { createConnectorGotoClient } from "@gw/domain/connectors";
import { SecretBox } from "@gw/domain/security";

const config = loadConfig(process.env);
const db = createDb(config.databaseUrl);
const connectorId = process.env.CONNECTOR_ID ?? "";
const client = await createConnectorGotoClient({
  db,
  config,
  secretBox: new SecretBox(config.secrets.keys),
  connectorId,
});
process.stdout.write("ready\n");
await once(process.stdin, "data");
try {
  const identity = await client.getIdentity();
  process.stdout.write(`${JSON.stringify({ ok: true, organizerKey: identity.organizerKey })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ ok: false, error: String(error) })}\n`);
} finally {
  await db.$disconnect();
  // The shared rate limiter's Redis connection would keep the process alive.
  process.exit(0);
}
