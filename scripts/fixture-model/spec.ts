/**
 * The fixture spec (same JSON format as the prototype): what the scripted decoder says and when.
 *
 * { "multilingual": false,
 *   "segments": [
 *     { "start": 0.0, "end": 2.4, "text": " Hello world." },
 *     { "start": 2.0, "end": 4.0, "words": [ { "text": " Custom", "start": 2.0 } ] } ],
 *   "silenceThreshold": -1.4, "attnConvention": "v4", "allDtypeNames": false }
 *
 * Times are multiples of 0.02 s in [0, 30]. Each space-prefixed word becomes one vocabulary token.
 */

export interface FixtureWord {
  text: string;
  start: number;
}

export interface FixtureSegment {
  start: number;
  end: number;
  /** Split into words spread evenly over [start, end) when `words` is absent. */
  text?: string;
  words?: FixtureWord[];
}

export interface FixtureSpec {
  /** true: `<|sot|><|lang|><|task|>` prompt (multilingual); false: English-only (`.en`) style. */
  multilingual?: boolean;
  segments: FixtureSegment[];
  /**
   * Mean log-mel level above which a window counts as sound; below it the decoder says nothing
   * (digital silence is about -1.5). null disables the gate.
   */
  silenceThreshold?: number | null;
  /** Which row/token pairing the cross-attentions follow: transformers.js v3/v4, or v2. */
  attnConvention?: 'v4' | 'v2';
  /** Also write the fp32 graphs under the file names other dtypes ask for (`_q4`, `_fp16`, …). */
  allDtypeNames?: boolean;
}

export const DEFAULT_SPEC: FixtureSpec = {
  multilingual: true,
  segments: [
    { start: 0.0, end: 2.4, text: ' Hello world.' },
    { start: 2.4, end: 5.0, text: ' This is a scripted fixture.' },
    { start: 6.0, end: 8.5, text: ' Goodbye now.' },
  ],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Checks an untrusted (parsed JSON) spec and returns it typed, or throws naming the bad field. */
export function parseFixtureSpec(value: unknown): FixtureSpec {
  if (!isRecord(value) || !Array.isArray(value.segments))
    throw new Error('spec: "segments" must be an array');
  const segments = value.segments.map((raw: unknown, i): FixtureSegment => {
    if (!isRecord(raw) || typeof raw.start !== 'number' || typeof raw.end !== 'number') {
      throw new Error(`spec: segments[${i}] needs numeric "start" and "end"`);
    }
    const segment: FixtureSegment = { start: raw.start, end: raw.end };
    if (typeof raw.text === 'string') segment.text = raw.text;
    if (Array.isArray(raw.words)) {
      segment.words = raw.words.map((w: unknown, j): FixtureWord => {
        if (!isRecord(w) || typeof w.text !== 'string' || typeof w.start !== 'number') {
          throw new Error(`spec: segments[${i}].words[${j}] needs "text" and numeric "start"`);
        }
        return { text: w.text, start: w.start };
      });
    }
    if (segment.text === undefined && segment.words === undefined) {
      throw new Error(`spec: segments[${i}] needs "text" or "words"`);
    }
    return segment;
  });
  const spec: FixtureSpec = { segments, multilingual: value.multilingual === true };
  if (typeof value.silenceThreshold === 'number' || value.silenceThreshold === null) {
    spec.silenceThreshold = value.silenceThreshold;
  }
  if (value.attnConvention === 'v2' || value.attnConvention === 'v4')
    spec.attnConvention = value.attnConvention;
  if (value.allDtypeNames === true) spec.allDtypeNames = true;
  return spec;
}
