/**
 * The native transcript form: what transcription produces, what the coaching engine reads,
 * what `pitchpace transcribe --json` prints and `pitchpace analyze --transcript` accepts.
 * Times are in seconds from the start of the recording. Only `words` is required on input.
 */

/** Version of the on-disk transcript form. Bump on an incompatible change. */
export const TRANSCRIPT_SCHEMA_VERSION = 1;

/** One recognised word. `end` is null when the recogniser could not time its end. */
export interface TimedWord {
  text: string;
  start: number;
  end: number | null;
}

/** A recogniser segment (roughly a sentence or phrase). */
export interface TranscriptSegment {
  text: string;
  start: number;
  end: number | null;
}

/** A stretch of silence between speech, detected by voice-activity detection. */
export interface Pause {
  start: number;
  end: number;
}

/** Why a stretch was counted as a filler. */
export type FillerKind =
  /** The recogniser wrote a filler word ("um", "uh", "like", ...). */
  | 'word'
  /** VAD heard speech that no recognised word covers: typically a dropped "um". */
  | 'possible';

/** A filler word or a probable filler. */
export interface Filler {
  text: string;
  start: number;
  end: number;
  kind: FillerKind;
}

/** The full transcript of one recording. */
export interface Transcript {
  schemaVersion: number;
  /** Length of the audio in seconds (or of the last word when unknown). */
  duration: number;
  words: TimedWord[];
  segments: TranscriptSegment[];
  pauses: Pause[];
  fillers: Filler[];
  /** Id of the model that produced it, or null for an imported transcript. */
  model: string | null;
}
