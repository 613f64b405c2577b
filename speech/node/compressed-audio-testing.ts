/**
 * Test support: encodes a WAV into the compressed formats people record interviews in
 * (mp3, webm/opus, m4a/aac) with ffmpeg, so tests can prove the audio reader decodes them.
 * ffmpeg is a test-time requirement (installed by .ci/run); without it the tests fail loudly.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

export interface CompressedFormat {
  extension: 'mp3' | 'webm' | 'm4a';
  /** ffmpeg output options: codec, bitrate, and a rate/layout unlike the reader's 16 kHz mono. */
  ffmpegArgs: readonly string[];
}

// 44.1/48 kHz stereo on purpose: the reader must resample and mix down, not just unwrap.
export const COMPRESSED_FORMATS: readonly CompressedFormat[] = [
  {
    extension: 'mp3',
    ffmpegArgs: ['-c:a', 'libmp3lame', '-b:a', '96k', '-ar', '44100', '-ac', '2'],
  },
  { extension: 'webm', ffmpegArgs: ['-c:a', 'libopus', '-b:a', '48k', '-ar', '48000', '-ac', '2'] },
  { extension: 'm4a', ffmpegArgs: ['-c:a', 'aac', '-b:a', '96k', '-ar', '44100', '-ac', '2'] },
];

/** Throws a one-line, actionable error when ffmpeg is not on PATH (never a silent skip). */
export function requireFfmpeg(): void {
  const probe = spawnSync('ffmpeg', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    throw new Error(
      'ffmpeg not found on PATH: the mp3/webm/m4a reader tests encode their inputs with it. ' +
        'Fix: apt-get install -y ffmpeg (.ci/run installs it).',
    );
}

/** Writes `<dir>/<wav basename>.<extension>` encoded from `wav` and returns its path. */
export function encodeWithFfmpeg(wav: string, dir: string, format: CompressedFormat): string {
  const out = path.join(dir, `${path.basename(wav, '.wav')}.${format.extension}`);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', wav, ...format.ffmpegArgs, out]);
  return out;
}
