/**
 * `pitchpace transcribe <audio> [--model <dir|id>] [--json] [--batch <n>] [--workers <n>]`:
 * transcribes an audio file locally (wav, mp3, ogg, opus, flac, webm, m4a) through the same
 * windowing as the app, so both cut the same windows. A file's windows are known ahead, so they
 * are decoded in batches of 4 (speech/window-batcher.ts: measured ~30 % less CPU on a 3-minute
 * file); `--batch 1` decodes them one at a time as the app does while recording, which also rules
 * out the rounding a q8 model's shared activation scale brings to a batch. `--workers <n>` runs n
 * pipelines side by side (speech/node/transcriber-pool.ts; two on 2 cores were no faster than
 * one pipeline with batches, at twice the memory). Prints timed words, or the native transcript
 * form with --json (what `pitchpace analyze --transcript` reads). Exit 0 on success, 2 with one
 * line on stderr for bad input (unreadable, unsupported or empty audio; missing or broken model).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Transcript } from '../../core/transcript';
import { DEFAULT_MODEL_ID } from '../../speech/models/catalog';
import { AudioFileError, openAudioChunks } from '../../speech/node/audio-file';
import { ModelFilesError } from '../../speech/node/model-files-error';
import { FILE_BATCH_WINDOWS, WindowBatcher } from '../../speech/window-batcher';

/** Where `--model <id>` looks: the repository's models/ folder (or $PITCHPACE_MODELS_DIR). */
const MODELS_ROOT =
  process.env.PITCHPACE_MODELS_DIR ?? fileURLToPath(new URL('../../models', import.meta.url));
const USAGE =
  'usage: pitchpace transcribe <audio> [--model <dir|id>] [--json] [--batch <n>] [--workers <n>]';

class UsageError extends Error {}

interface TranscribeOptions {
  audio: string;
  model: string;
  json: boolean;
  /** Pipelines side by side (1: one pipeline on every core). */
  workers: number;
  /** Windows decoded together (1: one at a time). */
  batch: number;
}

/** A whole number from 1 to 8, or the usage error naming the option. */
function count(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 1 && n <= 8))
    throw new UsageError(`--${option} takes a whole number from 1 to 8 (${USAGE})`);
  return n;
}

function parse(argv: readonly string[]): TranscribeOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        json: { type: 'boolean' },
        workers: { type: 'string' },
        batch: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0] ?? ''} (${USAGE})`);
  }
  const [audio, ...extra] = parsed.positionals;
  if (audio === undefined || extra.length > 0) throw new UsageError(USAGE);
  return {
    audio,
    model: parsed.values.model ?? DEFAULT_MODEL_ID,
    json: parsed.values.json === true,
    workers: count(parsed.values.workers, 'workers', 1),
    batch: count(parsed.values.batch, 'batch', FILE_BATCH_WINDOWS),
  };
}

const time = (t: number | null): string => (t === null ? '   ?   ' : t.toFixed(2).padStart(7));

function formatWords(transcript: Transcript): string {
  const lines = transcript.words.map((w) => `${time(w.start)} ${time(w.end)}  ${w.text}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '(no speech recognised)\n';
}

/** Runs `pitchpace transcribe` with its arguments (after the command name). */
export async function runTranscribe(argv: readonly string[]): Promise<number> {
  try {
    const options = parse(argv);
    // decoded as it is read (an hour never sits in memory whole); the first samples now, so a
    // bad file fails before the heavy runtime loads
    const audio = await openAudioChunks(options.audio);
    // the heavy runtime (transformers.js, ONNX Runtime) loads only once the input is known good
    const [{ loadLocalWhisper }, { TranscriberPool }, { loadSileroVadNode }, { transcribeChunks }] =
      await Promise.all([
        import('../../speech/node/load-whisper'),
        import('../../speech/node/transcriber-pool'),
        import('../../speech/node/silero-node'),
        import('../../speech/windowing'),
      ]);
    const modelFix = `download it with "npm run models -- ${DEFAULT_MODEL_ID}" or pass --model <folder>`;
    const model = { modelsRoot: MODELS_ROOT, fix: modelFix };
    const transcriber =
      options.workers === 1
        ? await loadLocalWhisper(options.model, model)
        : await TranscriberPool.start(options.model, { ...model, workers: options.workers });
    const recognizer =
      options.batch > 1 ? new WindowBatcher(transcriber, options.batch) : transcriber;
    const vad = await loadSileroVadNode();
    try {
      const transcript = await transcribeChunks(audio, recognizer, vad.createStream());
      process.stdout.write(
        options.json ? `${JSON.stringify(transcript, null, 2)}\n` : formatWords(transcript),
      );
    } finally {
      await transcriber.dispose();
      await vad.release();
    }
    return 0;
  } catch (error) {
    const badInput =
      error instanceof UsageError ||
      error instanceof AudioFileError ||
      error instanceof ModelFilesError;
    const message = (error as Error).message.replace(/\s+/g, ' ').trim();
    process.stderr.write(`pitchpace transcribe: ${message}\n`);
    return badInput ? 2 : 1;
  }
}
