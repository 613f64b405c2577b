/** The benchmark's second table: where a run's wall time went (ONNX Runtime runs vs the rest). */
import type { ChildResult } from './child';
import type { RunTimes } from './run-timing';

export const BREAKDOWN_HEADER =
  '| model | runtime | phase | wall | encoder (runs × ms) | decoder steps (runs × ms) | VAD (runs, ms) | JS and rest |\n' +
  '|---|---|---|---|---|---|---|---|';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const perRun = (ms: number, runs: number): string =>
  runs === 0 ? '–' : `${seconds(ms)} (${runs} × ${(ms / runs).toFixed(1)} ms)`;

function phaseRow(
  model: string,
  runtime: string,
  phase: string,
  wallMs: number,
  t: RunTimes,
): string {
  // In the browser all runs take turns on one thread, so VAD adds to the wall time; in Node it
  // may overlap a Whisper run (it is ~0.5 s per 3 minutes there, so the rest is about right).
  const rest = wallMs - t.encoderMs - t.decoderMs - t.vadMs;
  const cells = [
    model,
    runtime,
    phase,
    seconds(wallMs),
    perRun(t.encoderMs, t.encoderRuns),
    perRun(t.decoderMs, t.decoderRuns),
    t.vadRuns === 0 ? '–' : `${t.vadRuns}, ${seconds(t.vadMs)}`,
    `${seconds(rest)} (${((100 * rest) / wallMs).toFixed(0)} %)`,
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Whole-file and Stop rows of one result, or nothing when the run failed or was not timed. */
export function breakdownRows(
  model: string,
  runtime: string,
  r: ChildResult | { error: string },
): string[] {
  if ('error' in r || !r.runTimes) return [];
  return [
    phaseRow(model, runtime, 'whole file', r.offlineMs, r.runTimes.offline),
    phaseRow(model, runtime, 'Stop → transcript', r.stopToTranscriptMs, r.runTimes.stop),
  ];
}
