/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The hosted page's dark text and white: whichever reads better on `background`. */
export const PAGE_TEXT = "#1a1a1a";
export const readableTextOn = (background: string) =>
  contrastRatio(background, PAGE_TEXT) >= contrastRatio(background, "#ffffff") ? PAGE_TEXT : "#ffffff";

/** WCAG AA for body text. */
export const MIN_TEXT_CONTRAST = 4.5;
