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
  let bytes: ArrayBuffer;
  try {
    // the file's own ArrayBuffer, not a copy: a 60-minute WAV is 115 MB, and audio-decode
    // copies a Uint8Array it is given but only views an ArrayBuffer
    const read = await fs.readFile(file);
    bytes =
      read.byteOffset === 0 && read.byteLength === read.buffer.byteLength
        ? read.buffer
        : read.buffer.slice(read.byteOffset, read.byteOffset + read.byteLength);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (error as Error).message;
    throw new AudioFileError(`cannot read ${file}: ${reason}`);
  }
  if (bytes.byteLength === 0) throw new AudioFileError(`${file} is empty`);
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
  const [only] = decoded.channelData;
  // already 16 kHz mono: the decoder's array itself (toMono16k would copy it; an hour is 230 MB)
  const samples =
    only && decoded.channelData.length === 1 && decoded.sampleRate === SAMPLE_RATE
      ? only
      : toMono16k(decoded.channelData, decoded.sampleRate);
  if (samples.length === 0) throw new AudioFileError(`${file} holds no audio samples`);
  return { samples, duration: samples.length / SAMPLE_RATE };
}
