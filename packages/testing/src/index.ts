export * from "./factories";
export { freePort, repoRoot, type SpawnedProcess, spawnEntry } from "./processes";
export { testConfig } from "./test-config";
export { createTestDatabase, type TestDatabase } from "./test-database";
export { createTestRedis, type TestRedis } from "./test-redis";
export { waitUntil } from "./wait";
