/**
 * What Pitchpace stores in IndexedDB (through Dexie). Attempts hold the timing; audio is kept as
 * numbered Float32 chunks per track, appended while recording so a crash loses at most the last
 * unsaved second.
 */
import Dexie from 'dexie';
import type { EntityTable, Table } from 'dexie';
import type { FixedBoundary } from '../../core/coach/types';
import type { ModeId } from '../../core/modes';
import type { Transcript } from '../../core/transcript';
import type { Seconds } from '../../core/units';

/** `recording` until the recording ends; an attempt left in it was interrupted. */
export type AttemptStatus = 'recording' | 'complete';

/** How a recording ended. */
export type AttemptEndReason = 'stopped' | 'device-lost' | 'recovered';

/** One rehearsal. */
export interface AttemptRecord {
  id: string;
  mode: ModeId;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Length of the stored audio. */
  duration: Seconds;
  /** Rate of the raw track. */
  sampleRate: number;
  /** Section boundaries ("next section" markers), sorted, inside (0, duration). */
  boundaries: Seconds[];
  /** Section boundaries the candidate corrected in the review; when present they replace the markers. */
  sectionCorrections?: FixedBoundary[];
  status: AttemptStatus;
  endReason?: AttemptEndReason;
  microphoneLabel?: string;
}

/** `raw`: full-rate microphone PCM. `speech16k`: 16 kHz mono PCM for Whisper. */
export type AudioTrack = 'raw' | 'speech16k';

/** A piece of one track of one attempt's audio. */
export interface AudioChunkRecord {
  attemptId: string;
  track: AudioTrack;
  /** Order within the track, from 0. */
  seq: number;
  sampleRate: number;
  samples: Float32Array;
}

/**
 * Waveform peaks of one stored chunk of the raw track, written in the same transaction as the
 * chunk while recording, so an interrupted recording keeps them too. Folded into one
 * {@link WaveformRecord} when the recording ends (or is recovered).
 */
export interface PeakChunkRecord {
  attemptId: string;
  /** The raw chunk's `seq`. */
  seq: number;
  /** Raw samples per peak. */
  bucketSize: number;
  /** Index of the chunk's first sample in the track. */
  startFrame: number;
  /** Samples in the chunk. */
  frames: number;
  /** Index of the bucket of the chunk's first sample (peaks are on the track's buckets). */
  firstBucket: number;
  peaks: Float32Array;
}

/** The review waveform of one attempt: peaks of the whole raw track, read in one go. */
export interface WaveformRecord {
  attemptId: string;
  sampleRate: number;
  /** Raw samples per peak. */
  bucketSize: number;
  /** Samples in the raw track. */
  frames: number;
  peaks: Float32Array;
}

/** The final transcript of one attempt (native form, core/transcript.ts). */
export interface TranscriptRecord {
  attemptId: string;
  transcript: Transcript;
  /** Epoch milliseconds. */
  createdAt: number;
}

export const DATABASE_NAME = 'pitchpace';

export class PitchpaceDatabase extends Dexie {
  attempts!: EntityTable<AttemptRecord, 'id'>;
  audioChunks!: Table<AudioChunkRecord, [string, AudioTrack, number]>;
  transcripts!: EntityTable<TranscriptRecord, 'attemptId'>;
  peakChunks!: Table<PeakChunkRecord, [string, number]>;
  waveforms!: EntityTable<WaveformRecord, 'attemptId'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Schema versions only ever get added; never edit a released one.
    this.version(1).stores({
      attempts: 'id, createdAt, status',
      audioChunks: '[attemptId+track+seq], attemptId',
    });
    this.version(2).stores({ transcripts: 'attemptId' });
    // Attempts stored before version 3 have no peaks; the review computes them once.
    this.version(3).stores({ peakChunks: '[attemptId+seq], attemptId', waveforms: 'attemptId' });
  }
}

let shared: PitchpaceDatabase | undefined;

/** The app's database (opened lazily on first use). */
export function appDatabase(): PitchpaceDatabase {
  shared ??= new PitchpaceDatabase();
  return shared;
}
