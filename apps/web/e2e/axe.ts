// axe-core in a page: every WCAG 2.1 A/AA or best-practice finding, in words a failing test can print.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

// Evaluated over the DevTools protocol, which the pages' Content-Security-Policy does not govern.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** The few browser globals the page scripts below touch (the e2e project is typed for Node). */
export interface BrowserGlobals {
  axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> };
  document: {
    activeElement: { tagName: string } | null;
    querySelector(selector: string): { closest(selector: string): unknown } | null;
  };
}

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

export async function audit(page: Page, state: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    // Runs in the page: only the type assertion is erased, so nothing from Node is referenced.
    const { axe, document } = globalThis as unknown as BrowserGlobals;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations;
  }, TAGS);
  return (violations as Finding[]).map(
    (v) =>
      `${state}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}: ${v.nodes[0]?.failureSummary ?? ""}`,
  );
}
