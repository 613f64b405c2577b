/**
 * One open microphone: its stream and the audio graph every consumer shares (level meter,
 * PCM capture, live waveform, later VAD). Opening it twice would restart the device.
 */
import { openMicrophoneStream } from './microphone';

export class MicrophoneInput {
  readonly context: AudioContext;
  readonly source: MediaStreamAudioSourceNode;
  readonly analyser: AnalyserNode;
  private readonly endedListeners = new Set<() => void>();
  private closed = false;

  private constructor(
    readonly stream: MediaStream,
    readonly deviceId: string | undefined,
  ) {
    // Run the graph at the device's own rate so the raw track is the microphone's samples,
    // not a copy resampled to the output device's rate.
    const deviceRate = stream.getAudioTracks()[0]?.getSettings().sampleRate;
    this.context = new AudioContext({
      latencyHint: 'interactive',
      ...(deviceRate ? { sampleRate: deviceRate } : {}),
    });
    this.source = this.context.createMediaStreamSource(stream);
    this.analyser = this.context.createAnalyser();
    this.analyser.fftSize = 2048;
    this.source.connect(this.analyser);
    for (const track of stream.getAudioTracks()) {
      // 'ended' fires when the device goes away (unplugged, disabled), not on our own stop().
      track.addEventListener('ended', () => {
        if (!this.closed) this.endedListeners.forEach((listener) => listener());
      });
    }
  }

  /** Opens the device (or the default input) and builds the shared graph. */
  static async open(deviceId?: string): Promise<MicrophoneInput> {
    const stream = await openMicrophoneStream(deviceId);
    const input = new MicrophoneInput(stream, deviceId);
    if (input.context.state !== 'running') await input.context.resume();
    return input;
  }

  /** The label of the device actually opened. */
  get label(): string {
    return this.stream.getAudioTracks()[0]?.label ?? '';
  }

  /** Calls `listener` when the device disappears mid-use; returns an unsubscribe function. */
  onDeviceLost(listener: () => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Releases the device and the audio graph. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stream.getTracks().forEach((track) => track.stop());
    this.source.disconnect();
    await this.context.close().catch(() => undefined);
  }
}
