/** Arithmetic on time spans in seconds (speech segments, word spans). */

export interface Span {
  start: number;
  end: number;
}

/** Seconds of `span` covered by `spans` (which must not overlap each other). */
export function overlapSeconds(span: Span, spans: readonly Span[]): number {
  let total = 0;
  for (const other of spans)
    total += Math.max(0, Math.min(span.end, other.end) - Math.max(span.start, other.start));
  return total;
}

/** Parts of `spans` not covered by any of `cover`. Both lists sorted by start. */
export function subtractSpans(spans: readonly Span[], cover: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    let cursor = span.start;
    for (const c of cover) {
      if (c.end <= cursor || c.start >= span.end) continue;
      if (c.start > cursor) out.push({ start: cursor, end: c.start });
      cursor = Math.max(cursor, c.end);
      if (cursor >= span.end) break;
    }
    if (cursor < span.end) out.push({ start: cursor, end: span.end });
  }
  return out;
}
