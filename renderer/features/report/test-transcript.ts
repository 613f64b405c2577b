/** Test helper: a transcript from sentences, 0.3 s per word, a pause after each sentence. */
import type { Transcript } from '../../../core/transcript';

export function transcriptOf(sentences: readonly string[], pauseAfter = 0.6): Transcript {
  const words: Transcript['words'] = [];
  let t = 0.2;
  for (const sentence of sentences) {
    for (const text of sentence.split(/\s+/)) {
      words.push({
        text,
        start: Math.round(t * 1000) / 1000,
        end: Math.round((t + 0.25) * 1000) / 1000,
      });
      t += 0.3;
    }
    t += pauseAfter;
  }
  return {
    schemaVersion: 1,
    duration: t,
    words,
    segments: [],
    pauses: [],
    fillers: [],
    model: null,
  };
}
