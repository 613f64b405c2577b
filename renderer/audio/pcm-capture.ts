/**
 * Raw PCM capture through an AudioWorklet attached to a shared microphone input. Delivers
 * ~100 ms Float32 blocks at the context rate and keeps the recording clock: time zero is the
 * first captured sample.
 */
import type { Seconds } from '../../core/units';
import { seconds } from '../../core/units';
import type { MicrophoneInput } from './microphone-input';

const workletUrl = new URL('./pcm-capture.worklet.js', import.meta.url);
const FLUSH_TIMEOUT_MS = 2000;

interface ChunkMessage {
  type: 'chunk';
  startFrame: number;
  samples: Float32Array;
}
interface FlushedMessage {
  type: 'flushed';
  endFrame: number;
}
type WorkletMessage = ChunkMessage | FlushedMessage;

export class PcmCapture {
  private readonly node: AudioWorkletNode;
  private readonly mute: GainNode;
  private firstFrame: number | undefined;
  private capturedFrames = 0;
  private flushed: (() => void) | undefined;

  private constructor(
    private readonly input: MicrophoneInput,
    private readonly onChunk: (samples: Float32Array) => void,
  ) {
    const { context } = input;
    this.node = new AudioWorkletNode(context, 'pcm-capture', {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      channelCount: 1,
      channelCountMode: 'explicit',
    });
    this.node.port.onmessage = (event: MessageEvent<WorkletMessage>) => this.receive(event.data);
    // The worklet must reach the destination to be pulled; a zero gain keeps it silent.
    this.mute = context.createGain();
    this.mute.gain.value = 0;
    input.source.connect(this.node).connect(this.mute).connect(context.destination);
  }

  /** Loads the worklet into the input's context and starts capturing. */
  static async start(
    input: MicrophoneInput,
    onChunk: (samples: Float32Array) => void,
  ): Promise<PcmCapture> {
    await input.context.audioWorklet.addModule(workletUrl.href);
    return new PcmCapture(input, onChunk);
  }

  get sampleRate(): number {
    return this.input.context.sampleRate;
  }

  /** Recording time now, on the audio clock (0 until the first sample arrives). */
  elapsed(): Seconds {
    if (this.firstFrame === undefined) return seconds(0);
    const now = this.input.context.currentTime * this.sampleRate;
    return seconds(Math.max(0, (now - this.firstFrame) / this.sampleRate));
  }

  /** Audio captured so far. */
  capturedDuration(): Seconds {
    return seconds(this.capturedFrames / this.sampleRate);
  }

  /** Stops capturing after delivering every sample captured up to now. */
  async stop(): Promise<void> {
    const done = new Promise<void>((resolve) => {
      this.flushed = resolve;
      // A closed context never answers; don't hang the save on it.
      setTimeout(resolve, FLUSH_TIMEOUT_MS);
    });
    this.node.port.postMessage('flush');
    await done;
    this.input.source.disconnect(this.node);
    this.node.disconnect();
    this.mute.disconnect();
    this.node.port.onmessage = null;
  }

  private receive(message: WorkletMessage): void {
    if (message.type === 'chunk') {
      this.firstFrame ??= message.startFrame;
      this.capturedFrames += message.samples.length;
      this.onChunk(message.samples);
    } else {
      this.flushed?.();
    }
  }
}
