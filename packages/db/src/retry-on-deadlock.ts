/**
 * Batch statements of concurrent jobs touch overlapping prospects (one person registers for
 * several webinars), and Postgres may pick one of two such statements as a deadlock victim.
 * Each of our batch statements is atomic and idempotent, so running it again is safe.
 */
export async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isDeadlockOrSerialization(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

function isDeadlockOrSerialization(error: unknown): boolean {
  const text =
    error instanceof Error
      ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`
      : String(error);
  return /40P01|40001|deadlock detected|could not serialize/.test(text);
}
