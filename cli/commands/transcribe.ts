/**
 * `pitchpace transcribe <audio> [--model <dir|id>] [--json]`: transcribes an audio file locally
 * (wav, mp3, ogg, opus, flac, webm, m4a) through the same windowing as the app, so both give the
 * same transcript for the same audio. Prints timed words, or the native transcript form with
 * --json (what `pitchpace analyze --transcript` reads). Exit 0 on success, 2 with one line on
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
const USAGE = 'usage: pitchpace transcribe <audio> [--model <dir|id>] [--json]';

class UsageError extends Error {}

function parse(argv: readonly string[]): { audio: string; model: string; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { model: { type: 'string' }, json: { type: 'boolean' } },
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
    const [{ loadLocalWhisper }, { loadSileroVadNode }, { transcribeRecording }] =
      await Promise.all([
        import('../../speech/node/load-whisper'),
        import('../../speech/node/silero-node'),
        import('../../speech/windowing'),
      ]);
    const modelFix = `download it with "npm run models -- ${DEFAULT_MODEL_ID}" or pass --model <folder>`;
    const transcriber = await loadLocalWhisper(options.model, {
      modelsRoot: MODELS_ROOT,
      fix: modelFix,
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
