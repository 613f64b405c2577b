/**
 * Branded time units. Audio code mixes seconds (transcripts, rubric budgets) and milliseconds
 * (timers, media APIs); the brand makes passing one where the other is expected a type error.
 */
declare const secondsBrand: unique symbol;
declare const millisecondsBrand: unique symbol;

/** A duration or position in seconds. */
export type Seconds = number & { readonly [secondsBrand]: true };
/** A duration or position in milliseconds. */
export type Milliseconds = number & { readonly [millisecondsBrand]: true };

/** Marks a plain number as seconds. */
export const seconds = (value: number): Seconds => value as Seconds;
/** Marks a plain number as milliseconds. */
export const milliseconds = (value: number): Milliseconds => value as Milliseconds;
/** Converts milliseconds to seconds. */
export const msToSeconds = (value: Milliseconds): Seconds => (value / 1000) as Seconds;
/** Converts seconds to milliseconds. */
export const secondsToMs = (value: Seconds): Milliseconds => (value * 1000) as Milliseconds;

/** Formats seconds as m:ss (e.g. 74.2 → "1:14"). Negative values clamp to 0:00. */
export function formatClock(value: Seconds): string {
  const whole = Math.max(0, Math.floor(value));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return `${minutes}:${rest.toString().padStart(2, '0')}`;
}
