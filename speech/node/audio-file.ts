/**
 * Reads an audio file (wav, mp3, ogg/opus, flac, webm, m4a, … — whatever `audio-decode`
 * detects) into 16 kHz mono samples, decoded as it is read.
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { decodeChunked } from 'audio-decode/stream';
import getType from 'audio-type';
import { concatSamples, Mono16kResampler, SAMPLE_RATE } from '../audio-format';

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

/** Bytes read to detect the format (magic numbers; an mp3 without a tag is found by its frames). */
const HEAD_BYTES = 64 * 1024;
const SUPPORTED = ' (supported: wav, mp3, ogg, opus, flac, webm, m4a)';
type ChunkedFormat = Parameters<typeof decodeChunked>[1];

/**
 * The file as 16 kHz mono chunks, decoded as it is read, so a long file never sits in memory
 * whole (decoded whole, an hour held 230 MB of 16 kHz samples, and ~1.4 GB of 48 kHz stereo
 * before the mixdown). Joined, the chunks are exactly what decoding the whole file gives
 * (audio-decode's chunked and whole decoding agree; {@link Mono16kResampler} matches
 * `toMono16k`). Resolves once the first samples are decoded, so a file that cannot be read or
 * decoded fails with an {@link AudioFileError} before anything heavy loads; a file that breaks
 * later fails the same way from the iterator.
 */
export async function openAudioChunks(file: string): Promise<AsyncGenerator<Float32Array>> {
  let head: Uint8Array;
  try {
    const handle = await fs.open(file);
    try {
      const { bytesRead, buffer } = await handle.read(new Uint8Array(HEAD_BYTES), 0, HEAD_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (error as Error).message;
    throw new AudioFileError(`cannot read ${file}: ${reason}`);
  }
  if (head.length === 0) throw new AudioFileError(`${file} is empty`);
  const format = getType(head);
  if (!format) throw new AudioFileError(`cannot decode ${file}: Unknown audio format${SUPPORTED}`);
  const chunks = decodeFile(file, format as ChunkedFormat);
  const first = await chunks.next();
  if (first.done) throw new AudioFileError(`${file} holds no audio samples`);
  return (async function* () {
    yield first.value;
    yield* chunks;
  })();
}

async function* decodeFile(file: string, format: ChunkedFormat): AsyncGenerator<Float32Array> {
  let resampler: Mono16kResampler | null = null;
  let rate = 0;
  let total = 0;
  const decoded = decodeChunked(createReadStream(file), format);
  while (true) {
    let next: IteratorResult<{ channelData: Float32Array[]; sampleRate: number }>;
    try {
      next = await decoded.next();
    } catch (error) {
      const reason = (error as Error).message;
      const hint = /unknown audio format|no decoder/i.test(reason) ? SUPPORTED : '';
      throw new AudioFileError(`cannot decode ${file}: ${reason}${hint}`);
    }
    if (next.done) break;
    const { channelData, sampleRate } = next.value;
    resampler ??= new Mono16kResampler((rate = sampleRate));
    if (sampleRate !== rate)
      throw new AudioFileError(`cannot decode ${file}: its sample rate changes mid-file`);
    const samples = resampler.push(channelData);
    total += samples.length;
    if (samples.length > 0) yield samples;
  }
  const tail = resampler?.finish() ?? new Float32Array(0);
  total += tail.length;
  if (tail.length > 0) yield tail;
  if (total === 0) throw new AudioFileError(`${file} holds no audio samples`);
}

/** The whole file at once (tests, benchmarks, short clips); {@link openAudioChunks} for long ones. */
export async function readAudioFile(file: string): Promise<DecodedAudio> {
  const parts: Float32Array[] = [];
  for await (const chunk of await openAudioChunks(file)) parts.push(chunk);
  const samples = concatSamples(parts);
  return { samples, duration: samples.length / SAMPLE_RATE };
}
