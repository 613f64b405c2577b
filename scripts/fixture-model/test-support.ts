/** Helpers for tests that run the real pipeline on generated fixtures (test code only). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `tests/fixtures/generated/` (git-ignored): where tests write generated models and audio. */
export const GENERATED_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../tests/fixtures/generated',
);

/** A fresh folder under GENERATED_DIR for one test file. */
export function freshGeneratedDir(name: string): string {
  const dir = path.join(GENERATED_DIR, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export const SAMPLE_RATE = 16000;

/** A 440 Hz tone of `seconds`, silent after `soundUntil` seconds (the fixture hears "sound"). */
export function tone(seconds: number, soundUntil = seconds): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * SAMPLE_RATE) }, (_, i) =>
    i < soundUntil * SAMPLE_RATE ? 0.1 * Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE) : 0,
  );
}

/** Deterministic white noise in [-amplitude, amplitude] (xorshift32), so runs compare like with like. */
export function noise(length: number, amplitude: number, seed = 2463534242): Float32Array {
  let state = seed;
  return Float32Array.from({ length }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (((state >>> 0) / 0xffffffff) * 2 - 1) * amplitude;
  });
}
