/**
 * Finding where a source signal sits inside a recording, and how alike they are there:
 * a coarse search on envelopes, refined sample by sample.
 */

export interface Match {
  /** Recording index where source sample 0 lies (may be negative if the start was missed). */
  offset: number;
  /** Normalised correlation over the overlap, -1..1 (1 = identical up to gain). */
  correlation: number;
  /** Samples compared. */
  overlap: number;
}

/** Normalised correlation of `source` against `recording` shifted by `offset`. */
export function correlationAt(
  source: Float32Array,
  recording: Float32Array,
  offset: number,
): Match {
  const from = Math.max(0, -offset);
  const to = Math.min(source.length, recording.length - offset);
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let i = from; i < to; i++) {
    const x = source[i] ?? 0;
    const y = recording[i + offset] ?? 0;
    xy += x * y;
    xx += x * x;
    yy += y * y;
  }
  const overlap = Math.max(0, to - from);
  const correlation = xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
  return { offset, correlation, overlap };
}

/** Block means of `signal` (or of its magnitude: an envelope), one per `factor` samples. */
function decimate(signal: Float32Array, factor: number, envelope = false): Float32Array {
  const out = new Float32Array(Math.floor(signal.length / factor));
  for (let i = 0; i < out.length; i++) {
    let acc = 0;
    for (let k = 0; k < factor; k++) {
      const v = signal[i * factor + k] ?? 0;
      acc += envelope ? Math.abs(v) : v;
    }
    out[i] = acc / factor;
  }
  return out;
}

/**
 * Best offset in [from, to] at one resolution. Offsets where less than half of the source
 * overlaps the recording are skipped: a few samples can correlate perfectly by chance.
 */
function bestIn(source: Float32Array, recording: Float32Array, from: number, to: number): Match {
  let best: Match = { offset: from, correlation: -Infinity, overlap: 0 };
  for (let lag = from; lag <= to; lag++) {
    const m = correlationAt(source, recording, lag);
    if (m.overlap >= source.length / 2 && m.correlation > best.correlation) best = m;
  }
  return best;
}

/**
 * Best alignment of `source` within `recording` with its start in [minOffset, maxOffset]:
 * envelopes at 200 Hz find the region, then ~4 kHz and full-rate searches pin the sample.
 * By default up to 2 s of the source's start may be missing.
 */
export function findSource(
  source: Float32Array,
  recording: Float32Array,
  sampleRate: number,
  minOffset = -2 * sampleRate,
  maxOffset = recording.length - source.length / 2,
): Match {
  const envelopeFactor = Math.max(1, Math.round(sampleRate / 200));
  const midFactor = Math.max(1, Math.round(sampleRate / 4000));
  const env = (x: Float32Array) => {
    const e = decimate(x, envelopeFactor, true);
    const mean = e.reduce((a, v) => a + v, 0) / Math.max(1, e.length);
    return e.map((v) => v - mean);
  };
  const coarse = bestIn(
    env(source),
    env(recording),
    Math.floor(minOffset / envelopeFactor),
    Math.ceil(maxOffset / envelopeFactor),
  );
  const around = coarse.offset * envelopeFactor;
  const slack = 2 * envelopeFactor;
  const mid = bestIn(
    decimate(source, midFactor),
    decimate(recording, midFactor),
    Math.floor((around - slack) / midFactor),
    Math.ceil((around + slack) / midFactor),
  );
  return bestIn(
    source,
    recording,
    mid.offset * midFactor - 2 * midFactor,
    mid.offset * midFactor + 2 * midFactor,
  );
}

/** How each voiced second of the source lines up with the recording. */
export interface WindowedMatch {
  /** Voiced windows compared (silent ones say nothing about alignment). */
  windows: number;
  /** Windows whose best local alignment correlates above the threshold. */
  matched: number;
  /** Distinct local offsets in order: more than one means samples were lost or repeated. */
  offsets: number[];
  minCorrelation: number;
}

/**
 * Aligns the source window by window (default 1 s) near `globalOffset`, so one capture glitch
 * (a dropped buffer under load) shows up as a shift between windows instead of spoiling the
 * whole comparison.
 */
export function matchWindows(
  source: Float32Array,
  recording: Float32Array,
  sampleRate: number,
  globalOffset: number,
  threshold = 0.9,
  windowSeconds = 1,
): WindowedMatch {
  const size = Math.round(windowSeconds * sampleRate);
  const search = Math.round(0.25 * sampleRate);
  const result: WindowedMatch = { windows: 0, matched: 0, offsets: [], minCorrelation: 1 };
  const midFactor = Math.max(1, Math.round(sampleRate / 4000));
  const midRecording = decimate(recording, midFactor);
  let shift = 0;
  for (let start = 0; start + size <= source.length; start += size) {
    const window = source.subarray(start, start + size);
    const energy = Math.sqrt(window.reduce((a, v) => a + v * v, 0) / size);
    if (energy < 0.02) continue;
    result.windows++;
    // Where the previous window lined up is almost always right; search only when it is not.
    let m = correlationAt(window, recording, globalOffset + shift + start);
    if (m.correlation <= threshold) {
      const expected = globalOffset + shift + start;
      const mid = bestIn(
        decimate(window, midFactor),
        midRecording,
        Math.floor((expected - search) / midFactor),
        Math.ceil((expected + search) / midFactor),
      );
      m = bestIn(
        window,
        recording,
        mid.offset * midFactor - 2 * midFactor,
        mid.offset * midFactor + 2 * midFactor,
      );
    }
    result.minCorrelation = Math.min(result.minCorrelation, m.correlation);
    if (m.correlation > threshold) {
      result.matched++;
      shift = m.offset - start - globalOffset;
      if (result.offsets[result.offsets.length - 1] !== m.offset - start) {
        result.offsets.push(m.offset - start);
      }
    }
  }
  return result;
}
