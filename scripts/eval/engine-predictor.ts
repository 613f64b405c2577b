/**
 * Loads the coaching engine (core/coach/analyze.ts) at run time. The import is dynamic so the
 * eval type-checks and runs while the engine is still being written; the report is read as
 * unknown JSON (see prediction.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnalyzeInput, Predictor } from './prediction';
import { predictionFromReport } from './prediction';

/** Where the engine lives, relative to this file. */
export const ENGINE_PATH = fileURLToPath(new URL('../../core/coach/analyze.ts', import.meta.url));

/** True when the engine's entry file exists. */
export const engineExists = (): boolean => existsSync(ENGINE_PATH);

/** Imports `analyzeTranscript` and wraps it as a predictor. Throws when it is missing. */
export async function loadEnginePredictor(): Promise<Predictor> {
  const module: unknown = await import(pathToFileURL(ENGINE_PATH).href);
  const analyze =
    typeof module === 'object' && module !== null
      ? (module as Record<string, unknown>).analyzeTranscript
      : undefined;
  if (typeof analyze !== 'function') {
    throw new Error(`${ENGINE_PATH} does not export a function analyzeTranscript`);
  }
  // The engine's own types are not imported (it may not type-check mid-edit); call it as
  // "input in, unknown report out".
  const call = analyze as (input: AnalyzeInput) => unknown;
  return async (input: AnalyzeInput) => {
    const report: unknown = await Promise.resolve(call(input));
    return predictionFromReport(report);
  };
}
