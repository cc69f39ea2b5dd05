/**
 * The embeddable widget's options, read from its URL (/embed?q=&zone=&accent=): shared by the
 * widget and the page that writes its snippet.
 */
export interface EmbedOptions {
  q: string;
  zone: string;
  /** "#0055a4"; the default is the site's own blue. */
  accent: string;
}

export const DEFAULT_ACCENT = "#17338c";

export function readEmbedOptions(params: Record<string, string | string[] | undefined>): EmbedOptions {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
  const accent = first(params.accent).trim().replace(/^#?/, "#");
  return {
    q: first(params.q).trim().slice(0, 100),
    zone: first(params.zone).trim().slice(0, 200),
    accent: /^#[0-9a-f]{6}$/i.test(accent) ? accent.toLowerCase() : DEFAULT_ACCENT,
  };
}

/** Relative luminance (WCAG 2.1) of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((index) => parseInt(hex.slice(index, index + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const WHITE = "#ffffff";
const INK = "#161616";

/** Text on the accent colour: whichever of white or near-black reads better. */
export function textOn(accent: string): string {
  return contrastRatio(accent, WHITE) >= contrastRatio(accent, INK) ? WHITE : INK;
}

/**
 * The button colours for an accent: the accent itself when white or near-black text reads on it
 * at AA (4.5:1), else the accent darkened until white text does (a mid grey, a bright red).
 */
export function buttonColours(accent: string): { backgroundColor: string; color: string } {
  let background = accent;
  for (let step = 0; step < 20 && contrastRatio(background, textOn(background)) < 4.5; step++) {
    background = `#${[1, 3, 5].map((index) => Math.floor(parseInt(background.slice(index, index + 2), 16) * 0.9).toString(16).padStart(2, "0")).join("")}`;
  }
  return { backgroundColor: background, color: textOn(background) };
}

/** The widget's URL for these options (only what differs from the defaults). */
export function embedPath(options: Partial<EmbedOptions>): string {
  const params = new URLSearchParams();
  if (options.q) params.set("q", options.q);
  if (options.zone) params.set("zone", options.zone);
  if (options.accent && options.accent !== DEFAULT_ACCENT) params.set("accent", options.accent);
  const query = params.toString();
  return `/embed${query ? `?${query}` : ""}`;
}
