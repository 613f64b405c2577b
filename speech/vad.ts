/**
 * Silero VAD v5 (`silero_vad_v5.onnx`, shipped in `@ricky0123/vad-web`) on an injected ONNX
 * Runtime. 512-sample frames (32 ms at 16 kHz), each prefixed with the previous frame's last 64
 * samples — without that context the model scores speech near 0. The model runs rewired to
 * score every frame a push completes in one call (./onnx-graph/silero-sequence-model.ts):
 * the same probabilities to float rounding, ~6× less time than one call per frame (Node).
 */
import { SAMPLE_RATE } from './audio-format';
import { SEQUENCE_FRAME_INPUT, sileroSequenceModel } from './onnx-graph/silero-sequence-model';
import type { OrtRuntime, OrtSession, OrtSessionOptions, OrtTensor } from './ort-runtime';
import {
  DEFAULT_SEGMENTER_OPTIONS,
  SpeechSegmenter,
  type SegmenterOptions,
  type SpeechSegment,
} from './speech-segmenter';

export const VAD_FRAME_SAMPLES = 512;
const CONTEXT_SAMPLES = 64;
const STATE_SIZE = 2 * 128;
/**
 * Most frames per call (~8 s of audio, 1.2 MB of input): beyond ~16 frames a call costs the
 * same per frame, and a whole file in one call would hold its frames twice in memory.
 */
const MAX_FRAMES_PER_RUN = 256;
export const VAD_FRAME_SECONDS = VAD_FRAME_SAMPLES / SAMPLE_RATE;

/** One scored 32-ms frame. */
export interface VadFrame {
  index: number;
  start: number;
  end: number;
  probability: number;
}

/** A loaded Silero model; each recording gets its own {@link VadStream}. */
export class SileroVad {
  private constructor(
    private readonly ort: OrtRuntime,
    private readonly session: OrtSession,
  ) {}

  /**
   * @param ort the ONNX Runtime module (`onnxruntime-node` or `onnxruntime-web`)
   * @param modelBytes the bytes of `silero_vad_v5.onnx` (rewired on load; another model fails
   *   with an error naming what it lacks)
   */
  static async create(
    ort: OrtRuntime,
    modelBytes: Uint8Array,
    options: OrtSessionOptions = {},
  ): Promise<SileroVad> {
    const session = await ort.InferenceSession.create(sileroSequenceModel(modelBytes), {
      intraOpNumThreads: 1,
      ...options,
    });
    return new SileroVad(ort, session);
  }

  createStream(options: Partial<SegmenterOptions> = {}): VadStream {
    return new VadStream(this.ort, this.session, { ...DEFAULT_SEGMENTER_OPTIONS, ...options });
  }

  /** Speech segments of a whole clip (16 kHz mono). */
  async detectSpeech(
    samples: Float32Array,
    options: Partial<SegmenterOptions> = {},
  ): Promise<SpeechSegment[]> {
    const stream = this.createStream(options);
    await stream.push(samples);
    await stream.finish();
    return stream.segments();
  }

  release(): Promise<void> {
    return this.session.release();
  }
}

/**
 * Incremental VAD over a growing recording: push samples as they come; frames are scored in
 * order (pushes are serialised), whatever the chunk sizes, so results depend only on the audio.
 */
export class VadStream {
  private readonly segmenter: SpeechSegmenter;
  private state: OrtTensor;
  private context = new Float32Array(CONTEXT_SAMPLES);
  private pending = new Float32Array(0);
  private frameIndex = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private finished = false;

  constructor(
    private readonly ort: OrtRuntime,
    private readonly session: OrtSession,
    options: SegmenterOptions,
  ) {
    this.segmenter = new SpeechSegmenter(options);
    this.state = new ort.Tensor('float32', new Float32Array(STATE_SIZE), [2, 1, 128]);
  }

  /** Scores every whole frame the new samples complete; resolves with those frames. */
  push(samples: Float32Array): Promise<VadFrame[]> {
    if (this.finished) return Promise.reject(new Error('VadStream: push after finish'));
    const joined = new Float32Array(this.pending.length + samples.length);
    joined.set(this.pending);
    joined.set(samples, this.pending.length);
    const whole = joined.length - (joined.length % VAD_FRAME_SAMPLES);
    this.pending = joined.slice(whole);
    return this.enqueue(() => this.scoreFrames(joined.subarray(0, whole)));
  }

  /** Scores the last partial frame (zero-padded) and closes open speech at the end of the audio. */
  finish(): Promise<VadFrame[]> {
    if (this.finished) return Promise.resolve([]);
    this.finished = true;
    const tail = this.pending;
    this.pending = new Float32Array(0);
    const audioEnd = (this.frameIndex * VAD_FRAME_SAMPLES + tail.length) / SAMPLE_RATE;
    return this.enqueue(async () => {
      const frames: VadFrame[] = [];
      if (tail.length > 0) {
        const padded = new Float32Array(VAD_FRAME_SAMPLES);
        padded.set(tail);
        const [frame] = await this.scoreFrames(padded, audioEnd);
        if (frame) frames.push(frame);
      }
      this.segmenter.finish();
      return frames;
    });
  }

  /** Speech so far: closed segments plus any open one cut at the last scored frame. */
  segments(): SpeechSegment[] {
    return this.segmenter.segments();
  }

  /** Whether the last scored frame was speech. */
  get inSpeech(): boolean {
    return this.segmenter.inSpeech;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async scoreFrames(samples: Float32Array, lastFrameEnd?: number): Promise<VadFrame[]> {
    const frames: VadFrame[] = [];
    const total = Math.floor(samples.length / VAD_FRAME_SAMPLES);
    for (let first = 0; first < total; first += MAX_FRAMES_PER_RUN) {
      const count = Math.min(MAX_FRAMES_PER_RUN, total - first);
      const input = new Float32Array(count * SEQUENCE_FRAME_INPUT);
      for (let i = 0; i < count; i++) {
        const frame = samples.subarray(
          (first + i) * VAD_FRAME_SAMPLES,
          (first + i + 1) * VAD_FRAME_SAMPLES,
        );
        input.set(this.context, i * SEQUENCE_FRAME_INPUT);
        input.set(frame, i * SEQUENCE_FRAME_INPUT + CONTEXT_SAMPLES);
        this.context = frame.slice(VAD_FRAME_SAMPLES - CONTEXT_SAMPLES);
      }
      const result = await this.session.run({
        frames: new this.ort.Tensor('float32', input, [count, SEQUENCE_FRAME_INPUT]),
        state: this.state,
      });
      const probabilities = result.probability?.data as Float32Array | undefined;
      if (!probabilities || probabilities.length !== count || !result.stateN)
        throw new Error(`Silero VAD returned no probabilities for ${count} frames`);
      this.state = result.stateN;
      for (const probability of probabilities) {
        const start = (this.frameIndex * VAD_FRAME_SAMPLES) / SAMPLE_RATE;
        const end = lastFrameEnd ?? start + VAD_FRAME_SECONDS;
        frames.push({ index: this.frameIndex, start, end, probability });
        this.segmenter.accept(probability, start, end);
        this.frameIndex++;
      }
    }
    return frames;
  }
}
