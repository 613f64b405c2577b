import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeFixture } from '../scripts/fixture-model/make-fixture';
import { freshGeneratedDir, tone } from '../scripts/fixture-model/test-support';
import { loadLocalWhisper } from './node/load-whisper';
import type { WhisperTranscriber } from './transcriber';
import * as batched from './whisper-decoding/batched-windows';

// the batch path cannot replay the library's second decoding of a window whose output ends inside
// a segment; the fixture never ends that way, so the batch decoder's answer is stubbed here
vi.mock('./whisper-decoding/batched-windows', { spy: true });

describe('WhisperTranscriber.transcribeBatch, a window the batch cannot give', () => {
  let transcriber: WhisperTranscriber;

  beforeAll(async () => {
    const root = freshGeneratedDir('transcriber-batch-fallback-test');
    makeFixture(path.join(root, 'fixture'), {
      segments: [{ start: 0.0, end: 2.4, text: ' Hello world.' }],
    });
    transcriber = await loadLocalWhisper(path.join(root, 'fixture'), {
      modelsRoot: root,
      fix: 'x',
    });
  });
  afterAll(() => transcriber.dispose());

  it('is transcribed alone, in its place', async () => {
    const windows = [tone(4), tone(3), tone(5)];
    const alone = [];
    for (const w of windows) alone.push(await transcriber.transcribe(w));
    const decoded = await batched.decodeWindowBatch(
      (transcriber as unknown as { asr: Parameters<typeof batched.decodeWindowBatch>[0] }).asr,
      windows,
    );
    vi.mocked(batched.decodeWindowBatch).mockResolvedValueOnce([
      decoded[0] ?? null,
      null,
      decoded[2] ?? null,
    ]);
    const transcribe = vi.spyOn(transcriber, 'transcribe');
    expect(await transcriber.transcribeBatch(windows)).toEqual(alone);
    expect(transcribe).toHaveBeenCalledTimes(1);
    expect(transcribe).toHaveBeenCalledWith(windows[1]);
  });
});
