/**
 * One `InferenceSession.run` at a time per ONNX Runtime Web module. ORT Web's WASM backend is
 * one runtime instance shared by every session, and overlapping runs break it: Silero VAD
 * scoring frames while a Whisper window decodes fails with "Cannot read properties of null
 * (reading '3')" (seen in Chromium with the asyncify bundle transformers.js uses, 1 and 2
 * threads). transformers.js queues its own runs but not the VAD's, so the queue has to sit on the
 * shared `InferenceSession` class that both use. ONNX Runtime Node needs none of this.
 */

type Run = (this: unknown, ...args: unknown[]) => Promise<unknown>;
interface RunnableClass {
  prototype: { run: Run };
}

const QUEUED = Symbol.for('pitchpace.ortRunQueue');

/**
 * Makes every `run()` of sessions created by `ort` start after the previous one settled (in call
 * order; a failed run does not stop the queue). Idempotent: a second call changes nothing.
 * @param ort the ONNX Runtime module (`import * as ort from 'onnxruntime-web/webgpu'`)
 */
export function queueSessionRuns(ort: { InferenceSession: unknown }): void {
  const sessionClass = ort.InferenceSession as RunnableClass;
  const proto = sessionClass.prototype as RunnableClass['prototype'] & { [QUEUED]?: true };
  if (proto[QUEUED]) return;
  const run = proto.run;
  let previous: Promise<unknown> = Promise.resolve();
  proto.run = function queuedRun(this: unknown, ...args: unknown[]) {
    const result = previous.then(() => run.apply(this, args));
    previous = result.catch(() => undefined);
    return result;
  };
  proto[QUEUED] = true;
}
