/**
 * Compiles one corpus source into a labelled corpus entry: timed words, VAD-like pauses, and
 * labels derived from the headings and tags (see corpus/README.md). Label consistency is
 * checked here — a declared `overtime` must match the timing, declared missing elements must
 * match the headings — so a label cannot silently drift from the text.
 */
import { MODES } from '../../core/modes';
import type { SectionId } from '../../core/modes';
import type { Pause } from '../../core/transcript';
import { TRANSCRIPT_SCHEMA_VERSION } from '../../core/transcript';
import type { CorpusEntry, CorpusLabels, LabelledSection } from './corpus-format';
import { parseSource } from './source-parser';
import { synthesizeTiming, type SynthWord } from './synthesize-timing';

/** Gaps longer than this are reported as pauses, as a VAD would. */
export const PAUSE_MIN_SECONDS = 0.3;
/** The rubric's overtime limit for a walkthrough. */
const OVERTIME_SECONDS = 180;

function sectionsOf(words: readonly SynthWord[]): LabelledSection[] {
  const sections: LabelledSection[] = [];
  for (const word of words) {
    const current = sections[sections.length - 1];
    if (current?.id === word.section) current.end = word.end;
    else sections.push({ id: word.section as SectionId, start: word.start, end: word.end });
  }
  return sections;
}

const isFillerWord = (word: SynthWord): boolean => /^(um+|uh+|erm|hmm)[,.]?$/i.test(word.text);

function pausesOf(words: readonly SynthWord[]): Pause[] {
  const pauses: Pause[] = [];
  for (let i = 1; i < words.length; i++) {
    const before = words[i - 1];
    const after = words[i];
    if (before && after && after.start - before.end > PAUSE_MIN_SECONDS) {
      pauses.push({ start: before.end, end: after.start });
    }
  }
  return pauses;
}

/** Compiles source text (file name without `.md` as `fileId`) into a corpus entry. */
export function compileEntry(source: string, fileId: string): CorpusEntry {
  const parsed = parseSource(source, fileId);
  const { meta } = parsed;
  const synthesized = synthesizeTiming(parsed);
  const { duration } = synthesized;
  // VAD hears every spoken word, so pauses come from the full word list even when the
  // recogniser dropped the fillers.
  const pauses = pausesOf(synthesized.words);
  const dropped = meta.dropFillers ? synthesized.words.filter(isFillerWord) : [];
  const words = meta.dropFillers
    ? synthesized.words.filter((w) => !isFillerWord(w))
    : synthesized.words;
  const lastEnd = words[words.length - 1]?.end ?? 0;
  const labels: CorpusLabels = { sections: [], pitfalls: [] };

  if (meta.mode === 'deepdive') {
    const elements: Record<string, boolean> = {};
    const missing: string[] = [];
    for (const spec of MODES.deepdive.sections) {
      elements[spec.id] = parsed.sectionOrder.includes(spec.id);
      if (!elements[spec.id]) missing.push(spec.id);
    }
    if (meta.missing !== null && [...meta.missing].sort().join() !== [...missing].sort().join()) {
      throw new Error(
        `${fileId}: declared missing [${meta.missing.join()}] but headings leave [${missing.join()}]`,
      );
    }
    labels.elements = elements;
    labels.metrics = parsed.metricNames.length;
    labels.tradeoffs = parsed.tradeoffNames.length;
    labels.metricNames = parsed.metricNames;
    labels.tradeoffNames = parsed.tradeoffNames;
  } else {
    labels.sections = sectionsOf(words);
    const order = MODES[meta.mode].sections.map((s) => s.id as string);
    const ids = labels.sections.map((s) => s.id as string);
    const inOrder = ids.every(
      (id, i) => i === 0 || order.indexOf(id) > order.indexOf(ids[i - 1] ?? ''),
    );
    if (!inOrder)
      throw new Error(`${fileId}: sections out of order or repeated: ${ids.join(' > ')}`);
  }
  if (meta.mode === 'walkthrough') {
    const over = lastEnd > OVERTIME_SECONDS;
    if (over !== meta.pitfalls.includes('overtime')) {
      throw new Error(
        `${fileId}: last word ends at ${lastEnd.toFixed(1)} s but overtime is ${over ? 'not ' : ''}declared`,
      );
    }
    labels.pitfalls = [...meta.pitfalls].sort();
  } else if (meta.pitfalls.length > 0) {
    throw new Error(`${fileId}: pitfalls are labelled for walkthroughs only`);
  }

  return {
    id: meta.id,
    mode: meta.mode,
    notes: meta.notes,
    features: [
      meta.style,
      `${meta.wpm}wpm`,
      ...(meta.dropFillers ? ['fillers-dropped'] : []),
      ...meta.features,
    ],
    transcript: {
      schemaVersion: TRANSCRIPT_SCHEMA_VERSION,
      duration,
      words: words.map(({ text, start, end }) => ({ text, start, end })),
      pauses,
      segments: [],
      fillers: dropped.map(({ start, end }) => ({
        text: '',
        start,
        end,
        kind: 'possible' as const,
      })),
      model: null,
    },
    labels,
  };
}
