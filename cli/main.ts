/**
 * `pitchpace` command line: dispatches to subcommands. Returns the process exit code
 * (0 success, 1 failure while working, 2 bad input or usage).
 */
const USAGE = `Usage: pitchpace <command> [options]

Commands:
  transcribe <audio> [--model <dir|id>] [--json] [--workers <n>]
                                                   transcribe an audio file locally
  analyze --mode <walkthrough|deepdive|close> --transcript <file> [--fixed <file>] [--json]
                                                   coach a transcript against the rubric
  --help                                           show this help
`;

type Command = (argv: readonly string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  transcribe: async () => (await import('./commands/transcribe')).runTranscribe,
  analyze: async () => (await import('./commands/analyze')).runAnalyze,
};

/** Runs the CLI with the given arguments (without node and script path). */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`pitchpace: unknown command "${command}" (try --help)\n`);
    return 2;
  }
  const run = await load();
  return run(rest);
}
