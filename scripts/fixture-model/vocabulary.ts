/**
 * Turns a fixture spec into a byte-level BPE vocabulary (Whisper's token order) and the two
 * scripts the decoder replays: with timestamps and with `<|notimestamps|>`.
 */
import type { FixtureSpec, FixtureWord } from './spec';

export const LANGUAGES = (
  'en zh de es ru ko fr ja pt tr pl ca nl ar sv it id hi fi vi he uk el ms cs ro da hu ta no th ur hr bg lt la ' +
  'mi ml cy sk te fa lv bn sr az sl kn et mk br eu is hy ne mn bs kk sq sw gl mr pa si km sn yo so af oc ka be ' +
  'tg sd gu am yi lo uz fo ht ps tk nn mt sa lb my bo tl mg as tt haw ln ha ba jw su'
).split(' ');

/** Encoder positions in a 30-s window (0.02 s each) = Whisper's `max_source_positions`. */
export const ENCODER_POSITIONS = 1500;
/** Length of each script table = Whisper's `max_target_positions`. */
export const MAX_TARGET_POSITIONS = 448;
const SECONDS_PER_POSITION = 0.02;

export interface AddedToken {
  id: number;
  content: string;
  single_word: boolean;
  lstrip: boolean;
  rstrip: boolean;
  normalized: boolean;
  special: boolean;
}

export interface SpecialIds {
  eot: number;
  sot: number;
  translate: number;
  transcribe: number;
  startoflm: number;
  startofprev: number;
  nocaptions: number;
  notimestamps: number;
  timestampBegin: number;
}

export interface Vocabulary {
  vocab: Record<string, number>;
  added: AddedToken[];
  vocabSize: number;
  ids: SpecialIds;
  /** Language token ids by `<|xx|>`; empty for an English-only model. */
  langToId: Record<string, number>;
  /** First and last language token id, when the model is multilingual. */
  langRange: readonly [number, number] | null;
  /** Timestamp-mode script: [token, encoder position where it starts]. */
  tsScript: Array<readonly [number, number]>;
  /** `<|notimestamps|>`-mode script. */
  plainScript: number[];
}

/** GPT-2's byte → printable-unicode table used by byte-level BPE. */
function bytesToUnicode(): Map<number, string> {
  const printable: number[] = [];
  for (let i = 33; i <= 126; i++) printable.push(i);
  for (let i = 161; i <= 172; i++) printable.push(i);
  for (let i = 174; i <= 255; i++) printable.push(i);
  const table = new Map<number, string>(printable.map((b) => [b, String.fromCodePoint(b)]));
  let shifted = 0;
  for (let b = 0; b < 256; b++) {
    if (!table.has(b)) table.set(b, String.fromCodePoint(256 + shifted++));
  }
  return table;
}
const BYTE_TO_UNICODE = bytesToUnicode();
const toByteLevel = (text: string): string =>
  [...new TextEncoder().encode(text)].map((b) => BYTE_TO_UNICODE.get(b) ?? '').join('');

/** Timestamps must sit on the 0.02-s grid inside the 30-s window. */
export function timestampPosition(t: number): number {
  const k = Math.round(t / SECONDS_PER_POSITION);
  if (k < 0 || k > ENCODER_POSITIONS || Math.abs(k * SECONDS_PER_POSITION - t) > 1e-6) {
    throw new Error(`spec: timestamp ${t} is not a multiple of 0.02 s in [0, 30]`);
  }
  return k;
}

function spreadWords(text: string, start: number, end: number): FixtureWord[] {
  const parts = text.match(/\s*\S+/g) ?? [];
  return parts.map((part, i) => ({
    text: part,
    start:
      start +
      Math.round(((end - start) * (i / parts.length)) / SECONDS_PER_POSITION) *
        SECONDS_PER_POSITION,
  }));
}

export interface VocabularyOptions {
  /**
   * Pad the text vocabulary so special tokens get Whisper's real ids and the vocabulary its real
   * size (51,864 English-only / 51,865 multilingual): for real-sized compute.
   */
  whisperSize?: boolean;
}

export function buildVocabulary(spec: FixtureSpec, options: VocabularyOptions = {}): Vocabulary {
  const multilingual = spec.multilingual === true;
  const vocab: Record<string, number> = {};
  let next = 0;
  // 256 single-byte tokens so any text can be encoded (prompts) and decoded
  for (let b = 0; b < 256; b++) vocab[BYTE_TO_UNICODE.get(b) ?? ''] = next++;

  const segments = spec.segments.map((s) => ({
    ...s,
    words: s.words ?? spreadWords(s.text ?? '', s.start, s.end),
  }));
  const wordIds = new Map<string, number>();
  for (const segment of segments) {
    for (const word of segment.words) {
      const token = toByteLevel(word.text);
      vocab[token] ??= next++;
      wordIds.set(word.text, vocab[token]);
    }
  }
  if (options.whisperSize) {
    const textTokens = multilingual ? 50257 : 50256;
    if (next > textTokens) throw new Error('spec: too many distinct words');
    // never-emitted filler text tokens (a leading "Ġ" keeps them distinct from the byte tokens)
    while (next < textTokens) vocab[`Ġpad${next}`] = next++;
  }

  const added: AddedToken[] = [];
  const addToken = (content: string, special = true): number => {
    const id = next++;
    vocab[content] = id;
    added.push({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special,
    });
    return id;
  };
  const eot = addToken('<|endoftext|>');
  const sot = addToken('<|startoftranscript|>');
  const langToId: Record<string, number> = {};
  // real English-only Whisper vocabularies still hold the language tokens
  if (multilingual || options.whisperSize) {
    for (const lang of LANGUAGES) langToId[`<|${lang}|>`] = addToken(`<|${lang}|>`);
  }
  const firstLang = langToId['<|en|>'];
  const langRange =
    multilingual && firstLang !== undefined ? ([firstLang, next - 1] as const) : null;
  const ids = {
    eot,
    sot,
    translate: addToken('<|translate|>'),
    transcribe: addToken('<|transcribe|>'),
    startoflm: addToken('<|startoflm|>'),
    startofprev: addToken('<|startofprev|>'),
    nocaptions: addToken('<|nocaptions|>'),
    notimestamps: addToken('<|notimestamps|>'),
    timestampBegin: next,
  };
  // Timestamp tokens must NOT be special: transformers.js skips special tokens when it decodes
  // segments, which then come back as [null, null].
  for (let i = 0; i <= ENCODER_POSITIONS; i++)
    addToken(`<|${(i * SECONDS_PER_POSITION).toFixed(2)}|>`, false);

  const wordId = (w: FixtureWord): number => wordIds.get(w.text) ?? eot;
  const tsScript: Array<readonly [number, number]> = [];
  for (const s of segments) {
    tsScript.push([ids.timestampBegin + timestampPosition(s.start), timestampPosition(s.start)]);
    for (const w of s.words) tsScript.push([wordId(w), timestampPosition(w.start)]);
    tsScript.push([ids.timestampBegin + timestampPosition(s.end), timestampPosition(s.end)]);
  }
  // the script must close with a lone timestamp before <|endoftext|>, or generation restarts
  tsScript.push([eot, ENCODER_POSITIONS]);
  const plainScript = segments.flatMap((s) => s.words.map(wordId));
  plainScript.push(eot);
  if (tsScript.length > MAX_TARGET_POSITIONS - 8)
    throw new Error('spec: script too long (max ~440 tokens)');

  return {
    vocab,
    added,
    vocabSize: next,
    ids,
    langToId: multilingual ? langToId : {},
    langRange,
    tsScript,
    plainScript,
  };
}
