/** Each queue separates work that scales and fails differently. */
export const QUEUE_NAMES = {
  /** The dispatcher tick and housekeeping. */
  scheduler: "scheduler",
  /** Discovery, backfill, registrant and attendance syncs: bounded by GoTo's rate limit. */
  sync: "sync",
  /** Form registrations pushed to GoTo: latency matters, kept apart from bulk syncs. */
  registrations: "registrations",
  /** Applying received GoTo webhook events. */
  webhooks: "webhooks",
  /** Outbound events to the accounts' endpoints: slow receivers must not hold up syncs. */
  outbound: "outbound",
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
