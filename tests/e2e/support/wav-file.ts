/** Reading 16-bit PCM WAV files (as written by sox) and base64 Int16 PCM from the page. */
import { readFileSync } from 'node:fs';

export interface Pcm {
  sampleRate: number;
  samples: Float32Array;
}

/** Reads a mono 16-bit PCM WAV, walking its chunks (sox may add a LIST chunk). */
export function readWav(file: string): Pcm {
  const bytes = readFileSync(file);
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${file} is not a WAV file`);
  }
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (bytes.readUInt16LE(body + 2) !== 1 || bytes.readUInt16LE(body + 14) !== 16) {
        throw new Error(`${file}: expected mono 16-bit PCM`);
      }
      sampleRate = bytes.readUInt32LE(body + 4);
    } else if (id === 'data') {
      const frames = Math.floor(Math.min(size, bytes.length - body) / 2);
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = bytes.readInt16LE(body + 2 * i) / 32768;
      return { sampleRate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${file} has no data chunk`);
}

/** Decodes base64 little-endian Int16 PCM (how the page hands stored audio over). */
export function pcmFromBase64(base64: string, sampleRate: number): Pcm {
  const bytes = Buffer.from(base64, 'base64');
  const samples = new Float32Array(bytes.length / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(2 * i) / 32768;
  return { sampleRate, samples };
}
