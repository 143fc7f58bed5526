export { createRedis, redisOptionsFromUrl, type Redis } from "./redis";
export { QUEUE_NAMES, type QueueName } from "./queue-names";
export { defineJob, type JobDefinition, type JobEnvelope, type PayloadOf } from "./define-job";
export { jobCatalog, jobsByName, type JobName } from "./catalog";
export { createQueues, type Queues } from "./queues";
export { enqueue, type EnqueueOptions } from "./enqueue";
export { createJobWaiter, type JobOutcome, type JobWaiter } from "./job-waiter";
export * from "./jobs";
