import { describe, expect, it } from "vitest";
import { lineLabel, timelineLines } from "./timeline-model";

const webinar = { id: "w1", subject: "Roadmap" };
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 10, minutes)).toISOString();
const activity = (id: string, type: string, minutes: number, points = 0) =>
  ({ id, type, occurredAt: at(minutes), points, webinar, answers: [] }) as never;

describe("timelineLines", () => {
  it("folds registered and accepted into one line when they happen together, adding their points", () => {
    const lines = timelineLines({
      timeline: [activity("a", "ACCEPTED", 1, 5), activity("r", "REGISTERED", 0, 10)],
      registrations: [],
      registrationRequests: [],
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ type: "REGISTERED", accepted: true, points: 15 });
  });

  it("keeps an acceptance that came much later on its own line", () => {
    const lines = timelineLines({
      timeline: [activity("a", "ACCEPTED", 50), activity("r", "REGISTERED", 0)],
      registrations: [],
      registrationRequests: [],
    });
    expect(lines.map((l) => l.type)).toEqual(["ACCEPTED", "REGISTERED"]);
    expect(lines[1]?.accepted).toBeUndefined();
  });

  it("shows minutes attended on attendance lines and the form registration as its own line", () => {
    const lines = timelineLines({
      timeline: [activity("t", "ATTENDED_LIVE", 30), activity("r", "REGISTERED", 2)],
      registrations: [{ webinar: { ...webinar, startsAt: at(20) }, minutesAttended: 42 }] as never,
      registrationRequests: [{ id: "q", webinar, status: "SUCCEEDED", createdAt: at(1), origin: "FORM" }] as never,
    });
    expect(lines.map((l) => l.type)).toEqual(["ATTENDED_LIVE", "REGISTERED", "FORM_REGISTRATION"]);
    expect(lines[0]?.minutes).toBe(42);
  });

  it("says an automation rule's registration came from a rule, not a form", () => {
    const lines = timelineLines({
      timeline: [],
      registrations: [],
      registrationRequests: [
        { id: "q1", webinar, status: "SUCCEEDED", createdAt: at(5), origin: "RULE" },
        { id: "q2", webinar, status: "PENDING", createdAt: at(1), origin: "FORM" },
      ] as never,
    });
    expect(lines.map(lineLabel)).toEqual([
      "An automation rule registered them for",
      "Filled in a form to register for",
    ]);
  });

  it('says "Did not attend" for an ABSENT activity, on a line of its own with no minutes', () => {
    const lines = timelineLines({
      timeline: [activity("x", "ABSENT", 90, -5), activity("r", "REGISTERED", 0, 10)],
      registrations: [{ webinar: { ...webinar, startsAt: at(20) }, minutesAttended: 0 }] as never,
      registrationRequests: [],
    });
    expect(lines.map((l) => l.type)).toEqual(["ABSENT", "REGISTERED"]);
    expect(lines[0]).toMatchObject({ webinar, points: -5 });
    expect(lines[0]?.minutes).toBeUndefined();
    expect(lines.map(lineLabel)).toEqual(["Did not attend", "Registered for"]);
  });

  it("names a registration folded with its acceptance as both", () => {
    const [line] = timelineLines({
      timeline: [activity("a", "ACCEPTED", 1), activity("r", "REGISTERED", 0)],
      registrations: [],
      registrationRequests: [],
    });
    expect(line && lineLabel(line)).toBe("Registered (and accepted) for");
  });
});
