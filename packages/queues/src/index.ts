export { type JobName, jobCatalog, jobsByName } from "./catalog";
export { defineJob, type JobDefinition, type JobEnvelope, type PayloadOf, periodicJob } from "./define-job";
export { type EnqueueOptions, enqueue, enqueueAll } from "./enqueue";
export { createJobWaiter, type JobOutcome, type JobWaiter } from "./job-waiter";
export * from "./jobs";
export { QUEUE_NAMES, type QueueName } from "./queue-names";
export { createQueues, type Queues } from "./queues";
export { readQueueDepths } from "./read-queue-depths";
export { createRedis, type Redis, redisOptionsFromUrl } from "./redis";
