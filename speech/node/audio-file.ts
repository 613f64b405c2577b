/**
 * Reads an audio file (wav, mp3, ogg/opus, flac, webm, m4a, … — whatever `audio-decode`
 * detects) into 16 kHz mono samples.
 */
import fs from 'node:fs/promises';
import decodeAudio from 'audio-decode';
import { SAMPLE_RATE, toMono16k } from '../audio-format';

/** Bad input: a missing, empty, unreadable or unsupported audio file. The message names the file. */
export class AudioFileError extends Error {
  override readonly name = 'AudioFileError';
}

export interface DecodedAudio {
  /** 16 kHz mono PCM in [-1, 1]. */
  samples: Float32Array;
  /** Seconds. */
  duration: number;
}

export async function readAudioFile(file: string): Promise<DecodedAudio> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (error as Error).message;
    throw new AudioFileError(`cannot read ${file}: ${reason}`);
  }
  if (bytes.length === 0) throw new AudioFileError(`${file} is empty`);
  let decoded: { channelData: Float32Array[]; sampleRate: number };
  try {
    decoded = await decodeAudio(bytes);
  } catch (error) {
    const reason = (error as Error).message;
    const hint = /unknown audio format|no decoder/i.test(reason)
      ? ' (supported: wav, mp3, ogg, opus, flac, webm, m4a)'
      : '';
    throw new AudioFileError(`cannot decode ${file}: ${reason}${hint}`);
  }
  const samples = toMono16k(decoded.channelData, decoded.sampleRate);
  if (samples.length === 0) throw new AudioFileError(`${file} holds no audio samples`);
  return { samples, duration: samples.length / SAMPLE_RATE };
}
