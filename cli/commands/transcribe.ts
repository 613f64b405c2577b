/**
 * `pitchpace transcribe <audio> [--model <dir|id>] [--json] [--workers <n>]`: transcribes an audio
 * file locally (wav, mp3, ogg, opus, flac, webm, m4a) through the same windowing as the app, so
 * both give the same transcript for the same audio. Files over a minute run on two pipelines side
 * by side (speech/node/transcriber-pool.ts) unless `--workers 1`. Prints timed words, or the
 * native transcript form with --json (what `pitchpace analyze --transcript` reads). Exit 0 on success, 2 with one line on
 * stderr for bad input (unreadable, unsupported or empty audio; missing or broken model).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Transcript } from '../../core/transcript';
import { DEFAULT_MODEL_ID } from '../../speech/models/catalog';
import { AudioFileError, readAudioFile } from '../../speech/node/audio-file';
import { ModelFilesError } from '../../speech/node/model-files-error';

/** Where `--model <id>` looks: the repository's models/ folder (or $PITCHPACE_MODELS_DIR). */
const MODELS_ROOT =
  process.env.PITCHPACE_MODELS_DIR ?? fileURLToPath(new URL('../../models', import.meta.url));
const USAGE = 'usage: pitchpace transcribe <audio> [--model <dir|id>] [--json] [--workers <n>]';

/** Shorter audio than this is one or two windows: one pipeline, unless --workers says otherwise. */
const POOL_MIN_SECONDS = 60;

class UsageError extends Error {}

interface TranscribeOptions {
  audio: string;
  model: string;
  json: boolean;
  /** Pipelines side by side; undefined: the pool's default (2 on 2+ cores). */
  workers: number | undefined;
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
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0] ?? ''} (${USAGE})`);
  }
  const [audio, ...extra] = parsed.positionals;
  if (audio === undefined || extra.length > 0) throw new UsageError(USAGE);
  const workers = parsed.values.workers === undefined ? undefined : Number(parsed.values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 8))
    throw new UsageError(`--workers takes a whole number from 1 to 8 (${USAGE})`);
  return {
    audio,
    model: parsed.values.model ?? DEFAULT_MODEL_ID,
    json: parsed.values.json === true,
    workers,
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
    const audio = await readAudioFile(options.audio);
    // the heavy runtime (transformers.js, ONNX Runtime) loads only once the input is known good
    const [
      { loadLocalWhisper },
      { TranscriberPool },
      { loadSileroVadNode },
      { transcribeRecording },
    ] = await Promise.all([
      import('../../speech/node/load-whisper'),
      import('../../speech/node/transcriber-pool'),
      import('../../speech/node/silero-node'),
      import('../../speech/windowing'),
    ]);
    const modelFix = `download it with "npm run models -- ${DEFAULT_MODEL_ID}" or pass --model <folder>`;
    const model = { modelsRoot: MODELS_ROOT, fix: modelFix };
    // a second pipeline pays off once there are windows to share (starting it costs seconds)
    const workers =
      options.workers ?? (audio.samples.length > POOL_MIN_SECONDS * 16000 ? undefined : 1);
    const transcriber =
      workers === 1
        ? await loadLocalWhisper(options.model, model)
        : await TranscriberPool.start(options.model, {
            ...model,
            ...(workers ? { workers } : {}),
          });
    const vad = await loadSileroVadNode();
    try {
      const transcript = await transcribeRecording(audio.samples, transcriber, vad.createStream());
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
