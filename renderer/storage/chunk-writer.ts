/**
 * Buffers captured audio and appends it to the database at a fixed cadence (every 500 ms by
 * default), so a crash or a closed tab loses well under a second. Writes are serialised: chunks
 * land in order even when one write is slow. Each raw chunk's waveform peaks are written in the
 * same transaction, so the review never has to read the recording back to draw it.
 */
import { concatSamples } from '../../speech/audio-format';
import type { AudioChunkRecord, AudioTrack, PeakChunkRecord, PitchpaceDatabase } from './schema';
import { peakChunkRecord } from './waveform-peaks';

export const DEFAULT_FLUSH_INTERVAL_MS = 500;

interface TrackBuffer {
  sampleRate: number;
  pending: Float32Array[];
  nextSeq: number;
  /** Samples of the track handed to storage so far. */
  framesQueued: number;
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
      buffer = { sampleRate, pending: [], nextSeq: 0, framesQueued: 0 };
      this.tracks.set(track, buffer);
    }
    buffer.pending.push(samples);
  }

  /** Writes everything queued so far; resolves when it is stored. */
  flush(): Promise<void> {
    const rows: AudioChunkRecord[] = [];
    const peakRows: PeakChunkRecord[] = [];
    for (const [track, buffer] of this.tracks) {
      if (buffer.pending.length === 0) continue;
      const samples = concatSamples(buffer.pending);
      buffer.pending = [];
      const row = {
        attemptId: this.attemptId,
        track,
        seq: buffer.nextSeq++,
        sampleRate: buffer.sampleRate,
        samples,
      };
      rows.push(row);
      if (track === 'raw') {
        const { attemptId, seq, sampleRate } = row;
        peakRows.push(peakChunkRecord(attemptId, seq, samples, buffer.framesQueued, sampleRate));
      }
      buffer.framesQueued += samples.length;
    }
    if (rows.length > 0) {
      const { db } = this;
      this.queue = this.queue
        .then(() =>
          db.transaction('rw', [db.audioChunks, db.peakChunks], async () => {
            await db.audioChunks.bulkAdd(rows);
            if (peakRows.length > 0) await db.peakChunks.bulkAdd(peakRows);
          }),
        )
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
