import type { ScenarioWebinar } from "@gw/gotowebinar-sim";

/**
 * The organizer the GoTo benches seed in the stand-in, as `parseArgs` options: `--webinars`
 * webinars of `--registrants` registrants each, 100 × 1,000 unless told.
 */
export const organizerSizeOptions = {
  webinars: { type: "string", default: "100" },
  registrants: { type: "string", default: "1000" },
} as const;

/** That organizer's webinars, numbered from 1; `timing(i)` places the i-th (from 0) in time. */
export function benchWebinars(
  count: number,
  registrants: number,
  timing: (i: number) => Omit<ScenarioWebinar, "subject" | "registrants">,
): ScenarioWebinar[] {
  return Array.from({ length: count }, (_, i) => ({ subject: `Bench webinar ${i + 1}`, registrants, ...timing(i) }));
}
