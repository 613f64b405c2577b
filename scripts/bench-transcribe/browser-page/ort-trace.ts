/**
 * Splits ORT Web's run() into its JavaScript-side steps with the runtime's own trace points
 * (`env.trace`: console.time/timeEnd around "wasm prepareInputOutputTensor" = copying inputs
 * into the WASM heap, and "wasm ProcessOutputTensor" = copying outputs out), summed per session
 * kind. What is left of run() is OrtRun itself (the graph). Needs runs one at a time.
 */
import type * as OrtWeb from 'onnxruntime-web';

type RunFn = (this: { inputNames: readonly string[] }, ...args: unknown[]) => Promise<unknown>;

const kindOf = (inputNames: readonly string[]): string =>
  inputNames.includes('input_features')
    ? 'encoder'
    : inputNames.includes('input_ids')
      ? 'decoder'
      : 'vad';

/** Starts tracing; `totals.current` maps "<kind> <step>" to milliseconds (swap it to reset). */
export function traceOrtSteps(ort: typeof OrtWeb): { current: Record<string, number> } {
  const totals = { current: {} as Record<string, number> };
  let running = 'other';
  const proto = (ort.InferenceSession as unknown as { prototype: { run: RunFn } }).prototype;
  const run = proto.run;
  proto.run = function kindTrackingRun(...args: unknown[]) {
    running = kindOf(this.inputNames);
    return run.apply(this, args);
  };
  const started = new Map<string, number>();
  console.time = (label = 'default') => void started.set(label, performance.now());
  console.timeEnd = (label = 'default') => {
    const start = started.get(label);
    if (start === undefined) return;
    started.delete(label);
    const key = `${running} ${label.replace(/^ORT::(wasm )?/, '')}`;
    totals.current[key] = (totals.current[key] ?? 0) + performance.now() - start;
  };
  ort.env.trace = true;
  return totals;
}
