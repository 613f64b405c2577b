/**
 * Parses a corpus source file (corpus/<split>/src/<id>.md): a `key: value` front matter, then
 * the spoken text under `## <section>` headings, with inline label tags — `{m:<quantity>}` after
 * a counted metric, `{t}` or `{t:<name>}` after a counted trade-off — explicit pauses
 * `[pause 1.2]` and `<!-- comments -->`. Tags, pauses and comments are not spoken.
 */
import { MODES, isModeId, type ModeId } from '../../core/modes';

/** Front matter of a source file. */
export interface SourceMeta {
  id: string;
  mode: ModeId;
  wpm: number;
  style: 'punctuated' | 'asr';
  seed: number;
  pitfalls: string[];
  /** Deep dive: the elements the author declares missing (checked against the headings). */
  missing: string[] | null;
  features: string[];
  notes: string;
  /**
   * Whisper-like output: the recogniser wrote no "um"/"uh". Their time stays speech (no VAD
   * pause) and is reported as `possible` fillers.
   */
  dropFillers: boolean;
}

/** How a spoken token is followed. */
export type Follow = 'word' | 'comma' | 'sentence' | 'repair' | 'hesitation';

/** One spoken token as written (before ASR rendering). */
export interface SourceToken {
  text: string;
  section: string;
  follow: Follow;
  /** An explicit pause written after this token, in seconds. */
  pauseAfter: number | null;
}

/** A parsed source file. */
export interface ParsedSource {
  meta: SourceMeta;
  tokens: SourceToken[];
  /** Section or element headings in order of first appearance ("-" excluded). */
  sectionOrder: string[];
  metricNames: string[];
  tradeoffNames: string[];
}

/** Pitfall ids of the rubric. */
export const PITFALL_IDS = ['laundry_list', 'vague_claims', 'team_over_self', 'overtime'];

const list = (value: string | undefined): string[] =>
  value === undefined || value.trim() === '' || value.trim() === 'none'
    ? []
    : value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);

function parseMeta(header: string, fileId: string): SourceMeta {
  const fields = new Map<string, string>();
  for (const line of header.split('\n')) {
    const match = /^([a-z]+):\s*(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) fields.set(match[1], match[2]);
  }
  const mode = fields.get('mode');
  if (!isModeId(mode)) throw new Error(`${fileId}: mode must be walkthrough, deepdive or close`);
  const style = fields.get('style') ?? 'punctuated';
  if (style !== 'punctuated' && style !== 'asr') throw new Error(`${fileId}: bad style ${style}`);
  const wpm = Number(fields.get('wpm') ?? '150');
  const seed = Number(fields.get('seed') ?? '1');
  if (!(wpm >= 60 && wpm <= 260) || !Number.isInteger(seed)) {
    throw new Error(`${fileId}: wpm must be 60–260 and seed an integer`);
  }
  const pitfalls = list(fields.get('pitfalls'));
  const unknown = pitfalls.filter((p) => !PITFALL_IDS.includes(p));
  if (unknown.length > 0) throw new Error(`${fileId}: unknown pitfalls ${unknown.join(', ')}`);
  const id = fields.get('id') ?? fileId;
  if (id !== fileId) throw new Error(`${fileId}: id ${id} differs from the file name`);
  return {
    id,
    mode,
    wpm,
    style,
    seed,
    pitfalls,
    missing: fields.has('missing') ? list(fields.get('missing')) : null,
    features: list(fields.get('features')),
    dropFillers: fields.get('fillers') === 'dropped',
    notes: fields.get('notes') ?? '',
  };
}

const TOKEN = /\[pause\s+([\d.]+)\]|\{([mt])(?::([^}]*))?\}|[^\s{[]+/g;

function followOf(text: string): Follow {
  if (/\.\.\.$|…$/.test(text)) return 'hesitation';
  if (/[.?!]["')]?$/.test(text)) return 'sentence';
  if (/[,;:]["')]?$/.test(text)) return 'comma';
  return 'word';
}

/** Parses a source file's text. `fileId` is its file name without `.md`. */
export function parseSource(source: string, fileId: string): ParsedSource {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, '\n'));
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new Error(`${fileId}: missing --- front matter ---`);
  }
  const meta = parseMeta(match[1], fileId);
  const allowed = new Set<string>(MODES[meta.mode].sections.map((s) => s.id));
  if (meta.mode === 'deepdive') allowed.add('-');
  const body = match[2].replace(/<!--[\s\S]*?-->/g, ' ');
  const tokens: SourceToken[] = [];
  const sectionOrder: string[] = [];
  const metricNames = new Set<string>();
  const tradeoffNames = new Set<string>();
  let section: string | null = null;
  for (const line of body.split('\n')) {
    const heading = /^##\s+(\S+)\s*$/.exec(line.trim());
    if (heading?.[1] !== undefined) {
      section = heading[1];
      if (!allowed.has(section)) throw new Error(`${fileId}: unknown section "${section}"`);
      if (section !== '-' && !sectionOrder.includes(section)) sectionOrder.push(section);
      continue;
    }
    for (const m of line.matchAll(TOKEN)) {
      const previous = tokens[tokens.length - 1];
      if (m[1] !== undefined) {
        if (previous === undefined) throw new Error(`${fileId}: pause before any word`);
        previous.pauseAfter = Number(m[1]);
      } else if (m[2] !== undefined) {
        const name =
          m[3]?.trim() || `${m[2]}#${m[2] === 'm' ? metricNames.size : tradeoffNames.size}`;
        if (m[2] === 'm' && m[3] === undefined)
          throw new Error(`${fileId}: {m} needs a quantity name`);
        (m[2] === 'm' ? metricNames : tradeoffNames).add(name);
      } else if (/^(—|–|--|-)$/.test(m[0])) {
        if (previous !== undefined) previous.follow = 'repair';
      } else {
        if (section === null) throw new Error(`${fileId}: text before the first ## heading`);
        tokens.push({ text: m[0], section, follow: followOf(m[0]), pauseAfter: null });
      }
    }
  }
  if (tokens.length === 0) throw new Error(`${fileId}: no spoken text`);
  return {
    meta,
    tokens,
    sectionOrder,
    metricNames: [...metricNames],
    tradeoffNames: [...tradeoffNames],
  };
}
