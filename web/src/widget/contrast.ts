/**
 * The colours the widget draws from an inbox's accent (an admin picks any `#rrggbb`), chosen so
 * text keeps WCAG 2 AA's 4.5:1 contrast whatever the accent: see docs/architecture.md, "Accessibility checks".
 */
export interface AccentColours {
  accent: string;
  /** Text drawn on the accent (header, launcher, one's own bubbles, Send): white, or black on a light accent. */
  onAccent: string;
  /** The accent as text or link on the panel's white: the accent itself, darkened until it reads at 4.5:1. */
  accentText: string;
}

/** WCAG 2's threshold for normal-size text. */
const AA = 4.5;
const HEX = /^#([0-9a-f]{6})$/i;

/** WCAG 2's relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2's contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The colours for `accent`, or null when it is not `#rrggbb` (the widget keeps its own). */
export function accentColours(accent: string): AccentColours | null {
  if (!HEX.test(accent)) return null;
  const onAccent = contrast(accent, '#ffffff') >= contrast(accent, '#000000') ? '#ffffff' : '#000000';
  let accentText = accent.toLowerCase();
  // Towards black in 10% steps: at most ten, and black itself reads at 21:1 on white.
  for (let step = 1; contrast(accentText, '#ffffff') < AA && step <= 10; step++) {
    accentText = '#' + channels(accent).map((c) => Math.round(c * (1 - step / 10)).toString(16).padStart(2, '0')).join('');
  }
  return { accent, onAccent, accentText };
}

function channels(hex: string): number[] {
  const digits = hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
}
