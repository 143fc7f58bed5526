// Upkeep: records past their retention removed in small batches by a periodic job.
export {
  CHANGE_RETENTION_CURSOR,
  type PrunedRecords,
  type PruneExpiredRecordsOptions,
  pruneExpiredRecords,
  RETENTION_STATEMENTS,
  type RetentionPeriods,
} from "./prune-expired-records";
