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
 * Best alignment of `source` within `recording`: envelopes at 200 Hz find the region (allowing up
 * to 2 s of the source's start to be missing), then ~4 kHz and full-rate searches pin the sample.
 */
export function findSource(
  source: Float32Array,
  recording: Float32Array,
  sampleRate: number,
): Match {
  const envelopeFactor = Math.max(1, Math.round(sampleRate / 200));
  const midFactor = Math.max(1, Math.round(sampleRate / 4000));
  const env = (x: Float32Array) => {
    const e = decimate(x, envelopeFactor, true);
    const mean = e.reduce((a, v) => a + v, 0) / Math.max(1, e.length);
    return e.map((v) => v - mean);
  };
  const envSource = env(source);
  const envRecording = env(recording);
  const coarse = bestIn(envSource, envRecording, -400, envRecording.length - envSource.length / 2);
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
