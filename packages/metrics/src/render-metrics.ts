import { registry } from "./registry";
import { sampleGauges } from "./sampled";

/** The exposition text and its content type, for a `/metrics` answer: gauges read fresh. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  await sampleGauges();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
