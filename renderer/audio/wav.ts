/**
 * 16-bit PCM WAV encoding. The review waveform and playback load a WAV built from the stored
 * PCM: unlike a MediaRecorder webm it has a known duration (see browser-testing.md).
 */

const HEADER_BYTES = 44;

/** Converts float samples in [-1, 1] to 16-bit integers, clipping what lies outside. */
export function floatToInt16(samples: Float32Array): Int16Array<ArrayBuffer> {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    out[i] = s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
  }
  return out;
}

/** The 44-byte RIFF header of a mono 16-bit PCM WAV holding `frameCount` samples. */
export function wavHeader(frameCount: number, sampleRate: number): ArrayBuffer {
  const dataBytes = frameCount * 2;
  const buffer = new ArrayBuffer(HEADER_BYTES);
  const view = new DataView(buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  return buffer;
}

/**
 * Builds a WAV blob from PCM parts without first joining them into one array, so a long
 * recording is never copied whole in memory.
 */
export function wavBlobFromParts(parts: readonly Float32Array[], sampleRate: number): Blob {
  return wavBlobFromInt16Parts(
    parts.map((p) => floatToInt16(p)),
    sampleRate,
  );
}

/** Builds a WAV blob from parts already converted with {@link floatToInt16}. */
export function wavBlobFromInt16Parts(
  parts: readonly Int16Array<ArrayBuffer>[],
  sampleRate: number,
): Blob {
  const frameCount = parts.reduce((n, p) => n + p.length, 0);
  return new Blob([wavHeader(frameCount, sampleRate), ...parts], { type: 'audio/wav' });
}

/** Decoded content of a mono 16-bit PCM WAV. */
export interface DecodedWav {
  sampleRate: number;
  samples: Float32Array;
}

/** Reads a mono 16-bit PCM WAV as written by {@link wavHeader} (the canonical 44-byte layout). */
export function decodeWav(bytes: ArrayBuffer): DecodedWav {
  const view = new DataView(bytes);
  const tag = (offset: number) => String.fromCharCode(...new Uint8Array(bytes, offset, 4).values());
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE' || tag(36) !== 'data') {
    throw new Error('Not a canonical WAV file');
  }
  if (view.getUint16(22, true) !== 1 || view.getUint16(34, true) !== 16) {
    throw new Error('Only mono 16-bit WAV is supported');
  }
  const sampleRate = view.getUint32(24, true);
  const frames = view.getUint32(40, true) / 2;
  const ints = new Int16Array(bytes, HEADER_BYTES, frames);
  const samples = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    const v = ints[i] ?? 0;
    samples[i] = v < 0 ? v / 0x8000 : v / 0x7fff;
  }
  return { sampleRate, samples };
}
