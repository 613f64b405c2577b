/**
 * The benchmark's live recording: audio pushed in 100-ms chunks while closed windows are
 * transcribed in the background. Pushing is faster than real time here, so it waits for the
 * background every 10 s of audio, as real-time arrival would (processing is faster than real
 * time), keeping memory as in the app. Shared by the Node child and the browser worker, so both
 * measure the same thing. No Node imports: runs in a Web Worker.
 */
import type { Transcript } from '../../core/transcript';
import type { StreamingTranscriber } from '../../speech/windowing';

const CHUNK = 1600; // 100 ms at 16 kHz
const WAIT_EVERY = 160_000; // 10 s

/** Transcribed windows so far, and the latest one (kept up to date through `finish()`). */
export interface WindowTally {
  windows: number;
  lastWindow: { start: number; end: number };
}

/** Counts `streaming`'s transcribed windows from now on, including the one Stop closes. */
export function tallyWindows(streaming: StreamingTranscriber): WindowTally {
  const tally: WindowTally = { windows: 0, lastWindow: { start: 0, end: 0 } };
  streaming.on('window', (w) => {
    if (!w.transcribed) return;
    tally.windows++;
    tally.lastWindow = w;
  });
  return tally;
}

/** Feeds `samples` (`rounds` times over) and resolves once every closed window is transcribed. */
export async function feedLikeRecording(
  streaming: StreamingTranscriber,
  samples: Float32Array,
  rounds = 1,
): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (let offset = 0; offset < samples.length; offset += CHUNK) {
      streaming.push(samples.subarray(offset, offset + CHUNK));
      if (offset % WAIT_EVERY === 0) await streaming.idle();
    }
  }
  await streaming.idle();
}

/** Throws unless `transcript` holds the scripted words (w0 … wN) and nothing else: else the numbers are for a broken model. */
export function assertScriptedWords(transcript: Transcript): void {
  const stray = transcript.words.find((w) => !/^w\d+$/.test(w.text));
  if (stray || transcript.words.length === 0)
    throw new Error(`unexpected transcript word: ${stray?.text ?? '(none)'}`);
}
