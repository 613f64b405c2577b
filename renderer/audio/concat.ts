/** Joins PCM blocks into one array (returns the only block itself when there is just one). */
export function concatSamples(parts: readonly Float32Array[]): Float32Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
