/** `pitchpace analyze`: not built yet. */
export function runAnalyze(_argv: readonly string[]): Promise<number> {
  process.stderr.write('pitchpace analyze: not available yet\n');
  return Promise.resolve(1);
}
