import { describe, expect, it } from 'vitest';
import { queueSessionRuns } from './ort-run-queue';

/** A stand-in InferenceSession class that records how many runs overlap. */
function fakeRuntime() {
  const log = { active: 0, maxActive: 0, order: [] as string[] };
  class InferenceSession {
    constructor(readonly name: string) {}
    async run(feeds: { ms: number; fail?: boolean }): Promise<string> {
      log.active++;
      log.maxActive = Math.max(log.maxActive, log.active);
      log.order.push(`${this.name} start`);
      await new Promise((resolve) => setTimeout(resolve, feeds.ms));
      log.active--;
      log.order.push(`${this.name} end`);
      if (feeds.fail) throw new Error(`${this.name} failed`);
      return `${this.name} done`;
    }
  }
  return { ort: { InferenceSession }, InferenceSession, log };
}

describe('queueSessionRuns', () => {
  it('without the queue, runs of two sessions overlap (what breaks ORT Web)', async () => {
    const { InferenceSession, log } = fakeRuntime();
    const whisper = new InferenceSession('whisper');
    const vad = new InferenceSession('vad');
    await Promise.all([whisper.run({ ms: 20 }), vad.run({ ms: 1 })]);
    expect(log.maxActive).toBe(2);
  });

  it('runs of all sessions one at a time, in call order, each with its own result', async () => {
    const { ort, InferenceSession, log } = fakeRuntime();
    queueSessionRuns(ort);
    const whisper = new InferenceSession('whisper');
    const vad = new InferenceSession('vad');
    const results = await Promise.all([
      whisper.run({ ms: 20 }),
      vad.run({ ms: 1 }),
      whisper.run({ ms: 5 }),
    ]);
    expect(results).toEqual(['whisper done', 'vad done', 'whisper done']);
    expect(log.maxActive).toBe(1);
    expect(log.order).toEqual([
      'whisper start',
      'whisper end',
      'vad start',
      'vad end',
      'whisper start',
      'whisper end',
    ]);
  });

  it('a failed run rejects its caller only; the next run still goes', async () => {
    const { ort, InferenceSession } = fakeRuntime();
    queueSessionRuns(ort);
    const session = new InferenceSession('s');
    const failing = session.run({ ms: 5, fail: true });
    const next = session.run({ ms: 1 });
    await expect(failing).rejects.toThrow('s failed');
    await expect(next).resolves.toBe('s done');
  });

  it('queues once however often it is called', async () => {
    const { ort, InferenceSession, log } = fakeRuntime();
    const currentRun = (): unknown =>
      Object.getOwnPropertyDescriptor(InferenceSession.prototype, 'run')?.value;
    queueSessionRuns(ort);
    const queued = currentRun();
    queueSessionRuns(ort);
    expect(currentRun()).toBe(queued);
    const session = new InferenceSession('s');
    await Promise.all([session.run({ ms: 5 }), session.run({ ms: 5 })]);
    expect(log.maxActive).toBe(1);
  });
});
