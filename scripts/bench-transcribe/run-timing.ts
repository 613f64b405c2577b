/**
 * Time spent inside ONNX Runtime's InferenceSession.run, by session kind, for the benchmark's
 * breakdown (encoder / decoder steps / VAD; the rest of a run's wall time is JavaScript:
 * log-mel, logits processing, DTW, windowing). Works on onnxruntime-node and onnxruntime-web
 * (both export onnxruntime-common's InferenceSession class). No Node imports: runs in a worker.
 */

/** Milliseconds inside run() and number of runs, per session kind. */
export interface RunTimes {
  encoderMs: number;
  encoderRuns: number;
  decoderMs: number;
  decoderRuns: number;
  vadMs: number;
  vadRuns: number;
}

export const emptyRunTimes = (): RunTimes => ({
  encoderMs: 0,
  encoderRuns: 0,
  decoderMs: 0,
  decoderRuns: 0,
  vadMs: 0,
  vadRuns: 0,
});

interface SessionLike {
  inputNames: readonly string[];
}
type RunFn = (this: SessionLike, ...args: unknown[]) => Promise<unknown>;

/**
 * Wraps `ort.InferenceSession.prototype.run` (once per runtime module) and returns the tally
 * (pass one tally to count two runtimes together);
 * swap `current` for a fresh `emptyRunTimes()` to start a new phase. Runs that overlap (VAD
 * while a window decodes) are each counted in full.
 */
export function instrumentSessionRuns(
  ort: { InferenceSession: unknown },
  tally: { current: RunTimes } = { current: emptyRunTimes() },
): { current: RunTimes } {
  const proto = (ort.InferenceSession as { prototype: { run: RunFn } }).prototype;
  const run = proto.run;
  proto.run = async function timedRun(this: SessionLike, ...args: unknown[]) {
    const started = performance.now();
    try {
      return await run.apply(this, args);
    } finally {
      recordRun(tally.current, this.inputNames, performance.now() - started);
    }
  };
  return tally;
}

/** Adds one run of `ms` to the session kind its input names say (encoder, decoder or VAD). */
export function recordRun(t: RunTimes, inputNames: readonly string[], ms: number): void {
  if (inputNames.includes('input_features')) {
    t.encoderMs += ms;
    t.encoderRuns++;
  } else if (inputNames.includes('input_ids')) {
    t.decoderMs += ms;
    t.decoderRuns++;
  } else {
    t.vadMs += ms;
    t.vadRuns++;
  }
}
