import { type PgQueryDb, pgQuery } from "@gw/db";

export interface FormViewCounter {
  /** Counts one view of the form; written with the next flush. */
  count(formId: string): void;
  /** Writes the views counted so far (one statement for every form). */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  close(): Promise<void>;
}

/**
 * Hosted form views, counted in memory and added to `Form.views` every `flushMs`: a page view
 * costs no database round trip, and a burst on one form is one UPDATE per interval instead of a
 * hot row written per visitor. A crash loses at most one interval's views (they are a statistic).
 */
export function createFormViewCounter(options: {
  db: PgQueryDb;
  flushMs?: number;
  log?: { warn(obj: object, msg?: string): void };
}): FormViewCounter {
  let pending = new Map<string, number>();
  let flushing: Promise<void> = Promise.resolve();
  const flush = () => {
    if (pending.size === 0) return flushing;
    const batch = pending;
    pending = new Map();
    flushing = flushing.then(() =>
      pgQuery(
        options.db,
        `UPDATE "Form" f SET "views" = f."views" + v.n
         FROM unnest($1::uuid[], $2::int[]) AS v(id, n) WHERE f."id" = v.id`,
        [[...batch.keys()], [...batch.values()]],
      ).then(
        () => undefined,
        (error: unknown) => {
          // Put them back for the next try (the database may be down for a moment).
          for (const [id, n] of batch) pending.set(id, (pending.get(id) ?? 0) + n);
          options.log?.warn({ err: error, forms: batch.size }, "form views not written; retrying with the next flush");
        },
      ),
    );
    return flushing;
  };
  const timer = setInterval(() => void flush(), options.flushMs ?? 5_000);
  timer.unref();
  return {
    count(formId) {
      pending.set(formId, (pending.get(formId) ?? 0) + 1);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
