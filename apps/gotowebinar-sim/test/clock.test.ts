import { afterEach, describe, expect, it, vi } from "vitest";
import { SimClock } from "../src/clock";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("SimClock", () => {
  it("frozen at a given time shows exactly that time, however the wall clock moves meanwhile", () => {
    let wall = 1_000_000;
    // Each read of the wall clock a millisecond later, as on a busy machine.
    vi.spyOn(Date, "now").mockImplementation(() => wall++);
    const start = new Date("2026-12-02T02:00:00.000Z");
    const clock = new SimClock(start, true);
    expect(clock.now()).toBe(start.getTime());
    clock.advance(5 * 60_000);
    expect(clock.now()).toBe(start.getTime() + 5 * 60_000);
  });

  it("running from a given time moves with the wall clock", () => {
    let wall = 1_000_000;
    vi.spyOn(Date, "now").mockImplementation(() => wall);
    const clock = new SimClock(new Date(5_000_000));
    wall += 250;
    expect(clock.now()).toBe(5_000_250);
    clock.freeze(true);
    wall += 1_000;
    expect(clock.now()).toBe(5_000_250);
  });
});
