/**
 * `pitchpace analyze --mode <walkthrough|deepdive|close> --transcript <file> [--fixed <file>] [--json]`:
 * coaches a transcript against the rubric. Prints a readable report, or the JSON report with
 * --json. Exit 0 on success, 2 with one line on stderr for bad input.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeTranscript, type CoachReport, type FixedBoundary } from '../../core/coach/analyze';
import { TranscriptFormatError, parseTranscriptFile } from '../../core/formats';
import { MODES, isModeId, type SectionId } from '../../core/modes';
import { formatClock, seconds } from '../../core/units';
import { formatReport } from './analyze-format';

class UsageError extends Error {}

const ALL_SECTION_IDS = new Set<string>(
  Object.values(MODES).flatMap((m) => m.sections.map((s) => s.id)),
);

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read ${what} "${path}" (${code})`);
  }
}

/** Reads fixed boundaries: `[{ "section": "recent", "start": 18.2 }, …]` (or `{ "boundaries": [...] }`). */
function parseFixed(text: string, path: string): FixedBoundary[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${path}: fixed boundaries are not valid JSON`);
  }
  const list = Array.isArray(value)
    ? value
    : (value as { boundaries?: unknown } | null)?.boundaries;
  if (!Array.isArray(list))
    throw new UsageError(`${path}: expected a list of { "section", "start" }`);
  return list.map((item: unknown, i) => {
    const b = item as { section?: unknown; start?: unknown } | null;
    if (
      !b ||
      typeof b.section !== 'string' ||
      !ALL_SECTION_IDS.has(b.section) ||
      typeof b.start !== 'number' ||
      !Number.isFinite(b.start)
    ) {
      throw new UsageError(
        `${path}: boundary ${i + 1} needs a known "section" id and a numeric "start"`,
      );
    }
    return { section: b.section as SectionId, start: b.start };
  });
}

/** Runs `pitchpace analyze` with its arguments (after the command name). */
export async function runAnalyze(argv: readonly string[]): Promise<number> {
  let report: CoachReport;
  let json: boolean;
  try {
    let values;
    try {
      ({ values } = parseArgs({
        args: [...argv],
        options: {
          mode: { type: 'string' },
          transcript: { type: 'string' },
          fixed: { type: 'string' },
          json: { type: 'boolean', default: false },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
    }
    json = values.json === true;
    if (!isModeId(values.mode))
      throw new UsageError(
        `--mode must be walkthrough, deepdive or close (got ${values.mode ?? 'nothing'})`,
      );
    if (!values.transcript) throw new UsageError('--transcript <file> is required');
    const text = await readText(values.transcript, 'transcript');
    const transcript = parseTranscriptFile(text, basename(values.transcript));
    const fixedBoundaries = values.fixed
      ? parseFixed(await readText(values.fixed, 'fixed boundaries'), values.fixed)
      : undefined;
    report = analyzeTranscript({ mode: values.mode, ...transcript, fixedBoundaries });
  } catch (error) {
    if (error instanceof UsageError || error instanceof TranscriptFormatError) {
      process.stderr.write(`pitchpace analyze: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  process.stdout.write(
    json
      ? `${JSON.stringify(report, null, 2)}\n`
      : formatReport(report, (t) => formatClock(seconds(t))),
  );
  return 0;
}
