export * from "./factories";
export { type PrivatePostgres, type PrivateRedis, startPrivatePostgres, startPrivateRedis } from "./private-servers";
export { freePort, repoRoot, type SpawnedProcess, spawnEntry } from "./processes";
export { startTcpProxy, type TcpProxy } from "./tcp-proxy";
export { testConfig } from "./test-config";
export { createTestDatabase, type TestDatabase } from "./test-database";
export { createTestRedis, type TestRedis } from "./test-redis";
export { waitUntil } from "./wait";
export { type ReceivedEvent, startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";
