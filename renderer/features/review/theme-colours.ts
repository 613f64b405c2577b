/**
 * Colours for canvas and shadow-DOM drawing (wavesurfer.js), read from the CSS theme so the
 * waveform follows light and dark mode like the rest of the page.
 */

/** Value of a CSS custom property as seen from `element`, or `fallback`. */
export function readThemeColour(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/** Hues for sections in order; distinct in both themes and for common colour blindness. */
const SECTION_HUES = [212, 32, 152, 280, 350, 190, 55];

/** Fill of a section's region over the waveform. */
export const sectionRegionColour = (index: number): string =>
  `hsla(${SECTION_HUES[index % SECTION_HUES.length] ?? 212}, 80%, 55%, 0.18)`;

/** Solid colour of a section (legend, bars). */
export const sectionColour = (index: number): string =>
  `hsl(${SECTION_HUES[index % SECTION_HUES.length] ?? 212}, 70%, 50%)`;
