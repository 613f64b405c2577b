/** `pitchpace transcribe`: not built yet. */
export function runTranscribe(_argv: readonly string[]): Promise<number> {
  process.stderr.write('pitchpace transcribe: not available yet\n');
  return Promise.resolve(1);
}
