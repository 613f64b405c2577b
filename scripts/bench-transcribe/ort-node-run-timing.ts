/**
 * Time inside onnxruntime-node's native `run()`, by session kind, for the benchmark's breakdown.
 * The library's async `run()` only schedules the native call with `setImmediate`, and every
 * session runs on the one JavaScript thread, so timing the promise counts the runs queued ahead of
 * it too (Silero VAD's runs interleave with Whisper's: VAD showed 3.6 s of a 7.1-s file). The
 * native call is timed instead, through a subclass of the binding's session class: its `run` is
 * a non-writable, non-configurable property, so sessions created afterwards get the subclass.
 */
import { createRequire } from 'node:module';
import { emptyRunTimes, recordRun, type RunTimes } from './run-timing';

interface NativeSession {
  run(feeds: Record<string, unknown>, fetches: unknown, options: unknown): unknown;
}
type NativeSessionClass = new (...args: unknown[]) => NativeSession;

/**
 * Instruments onnxruntime-node's sessions created from now on; returns the tally (swap
 * `current` for a fresh `emptyRunTimes()` to start a new phase; pass one to share it).
 */
export function instrumentOrtNodeRuns(
  tally: { current: RunTimes } = { current: emptyRunTimes() },
): { current: RunTimes } {
  const require = createRequire(import.meta.url);
  const { binding } = require('onnxruntime-node/dist/binding') as {
    binding: { InferenceSession: NativeSessionClass };
  };
  const Native = binding.InferenceSession;
  binding.InferenceSession = class TimedSession extends Native {
    override run(feeds: Record<string, unknown>, fetches: unknown, options: unknown): unknown {
      const started = performance.now();
      try {
        return super.run(feeds, fetches, options);
      } finally {
        recordRun(tally.current, Object.keys(feeds), performance.now() - started);
      }
    }
  };
  return tally;
}
