/**
 * Buffers captured audio and appends it to the database at a fixed cadence (every 500 ms by
 * default), so a crash or a closed tab loses well under a second. Writes are serialised: chunks
 * land in order even when one write is slow.
 */
import { concatSamples } from '../audio/concat';
import type { AudioTrack, PitchpaceDatabase } from './schema';

export const DEFAULT_FLUSH_INTERVAL_MS = 500;

interface TrackBuffer {
  sampleRate: number;
  pending: Float32Array[];
  nextSeq: number;
}

export class AudioChunkWriter {
  private readonly tracks = new Map<AudioTrack, TrackBuffer>();
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | undefined;
  private failure: unknown;

  constructor(
    private readonly db: PitchpaceDatabase,
    readonly attemptId: string,
    flushIntervalMs = DEFAULT_FLUSH_INTERVAL_MS,
  ) {
    if (flushIntervalMs > 0) this.timer = setInterval(() => void this.flush(), flushIntervalMs);
  }

  /** Queues samples of a track (copied by reference: the caller must not reuse the array). */
  append(track: AudioTrack, sampleRate: number, samples: Float32Array): void {
    if (samples.length === 0) return;
    let buffer = this.tracks.get(track);
    if (!buffer) {
      buffer = { sampleRate, pending: [], nextSeq: 0 };
      this.tracks.set(track, buffer);
    }
    buffer.pending.push(samples);
  }

  /** Writes everything queued so far; resolves when it is stored. */
  flush(): Promise<void> {
    const rows = [...this.tracks.entries()]
      .filter(([, buffer]) => buffer.pending.length > 0)
      .map(([track, buffer]) => {
        const samples = concatSamples(buffer.pending);
        buffer.pending = [];
        return {
          attemptId: this.attemptId,
          track,
          seq: buffer.nextSeq++,
          sampleRate: buffer.sampleRate,
          samples,
        };
      });
    if (rows.length > 0) {
      this.queue = this.queue
        .then(() => this.db.audioChunks.bulkAdd(rows))
        .then(
          () => undefined,
          (error: unknown) => {
            this.failure ??= error;
          },
        );
    }
    return this.queue;
  }

  /** Stops the timer and writes what is left. Rejects if any write failed. */
  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
    if (this.failure !== undefined) {
      throw this.failure instanceof Error ? this.failure : new Error('Audio could not be stored');
    }
  }

  /** The first write error, if any (e.g. storage quota exceeded). */
  get error(): unknown {
    return this.failure;
  }
}
