/**
 * Audio of a stored attempt shaped for the review: a WAV blob for playback plus precomputed
 * peaks and the exact duration, so wavesurfer.js neither decodes the file nor has to guess its
 * length.
 */
import { PeakAccumulator } from '../audio/peaks';
import { floatToInt16, wavBlobFromInt16Parts } from '../audio/wav';
import type { Seconds } from '../../core/units';
import { seconds } from '../../core/units';
import { forEachAudioChunk } from './attempts';
import type { PitchpaceDatabase } from './schema';

/** Peaks per second of audio in the review waveform. */
export const PEAKS_PER_SECOND = 100;

export interface ReviewAudio {
  wav: Blob;
  peaks: Float32Array;
  duration: Seconds;
  sampleRate: number;
}

/** Loads the full-rate track of an attempt as a WAV with its peaks. */
export async function loadReviewAudio(
  db: PitchpaceDatabase,
  attemptId: string,
): Promise<ReviewAudio | undefined> {
  // Converted chunk by chunk: the float copy of an hour of audio never sits in memory at once.
  const parts: Int16Array<ArrayBuffer>[] = [];
  let peaks: PeakAccumulator | undefined;
  let sampleRate = 0;
  await forEachAudioChunk(db, attemptId, 'raw', (samples, rate) => {
    sampleRate = rate;
    peaks ??= new PeakAccumulator(Math.max(1, Math.round(rate / PEAKS_PER_SECOND)));
    peaks.add(samples);
    parts.push(floatToInt16(samples));
  });
  if (!peaks || sampleRate === 0) return undefined;
  const frames = parts.reduce((n, p) => n + p.length, 0);
  return {
    wav: wavBlobFromInt16Parts(parts, sampleRate),
    peaks: peaks.result(),
    duration: seconds(frames / sampleRate),
    sampleRate,
  };
}
