import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// WCAG 1.4.11: the focus ring must stand out 3:1 from what it is drawn on. The ring sits 2px
// outside the focused control, so what it is drawn on is the surface around it: the light one
// (`--focus`) on every light surface of the app, the amber one (`--focus-on-dark`) on the dark ones,
// which set it for their subtree.
const css = (name: string) => readFileSync(new URL(name, import.meta.url), "utf8");
const tokens = css("tokens.css");
const layout = css("layout.css");
const components = css("components.css");

const token = (name: string) => {
  const value = tokens.match(new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, "i"))?.[1];
  if (!value) throw new Error(`${name} is not a #rrggbb token in tokens.css`);
  return value;
};
/** The body of the rule for exactly `selector`. */
const rule = (source: string, selector: string) => {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const body = source.match(new RegExp(`(?:^|\\n)${escaped}\\s*\\{([^}]*)\\}`))?.[1];
  if (body === undefined) throw new Error(`no rule for ${selector}`);
  return body;
};
const backgroundOf = (source: string, selector: string) => {
  const value =
    rule(source, selector)
      .match(/background:\s*([^;]+);/)?.[1]
      ?.trim() ?? "";
  const variable = value.match(/^var\((--[\w-]+)\)$/)?.[1];
  return variable ? token(variable) : value;
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

const LIGHT = [
  "--surface",
  "--bg",
  "--surface-2",
  "--primary-soft",
  "--neutral-soft",
  "--success-soft",
  "--danger-soft",
  "--warning-soft",
  "--info-soft",
];

describe("the focus ring", () => {
  it("is the light-surface ring everywhere but on dark surfaces", () => {
    expect(css("base.css")).toMatch(/:focus-visible\s*\{[^}]*outline:\s*3px solid var\(--focus\)/);
    expect(rule(layout, ".sidebar")).toMatch(/--focus:\s*var\(--focus-on-dark\)/);
    expect(rule(components, ".toast")).toMatch(/--focus:\s*var\(--focus-on-dark\)/);
  });

  it("stands out 3:1 from every light surface (white and #f4f6fb among them)", () => {
    const focus = token("--focus");
    const weak = LIGHT.map((name) => [name, token(name), contrast(focus, token(name))] as const).filter(
      ([, , ratio]) => ratio < 3,
    );
    expect(weak).toEqual([]);
    expect(contrast(focus, "#ffffff")).toBeGreaterThanOrEqual(3);
    expect(contrast(focus, "#f4f6fb")).toBeGreaterThanOrEqual(3);
  });

  it("stands out 3:1 on the dark sidebar (its links at rest, hovered and current) and the toasts", () => {
    const ring = token("--focus-on-dark");
    const dark = {
      sidebar: backgroundOf(layout, ".sidebar"),
      hovered: backgroundOf(layout, ".nav-link:hover"),
      current: backgroundOf(layout, '.nav-link[aria-current="page"]'),
      toast: backgroundOf(components, ".toast"),
    };
    for (const [where, background] of Object.entries(dark))
      expect(contrast(ring, background), `${where} ${background}`).toBeGreaterThanOrEqual(3);
  });
});
