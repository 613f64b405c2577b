/**
 * Runs speech in an Electron utility process (ONNX Runtime Node, 3.5–5× faster than WASM and off
 * the main thread). Thin: the protocol, request ids and the host logic are speech/'s; this only
 * starts the process, wires messages, and restarts it after a crash.
 */
import { utilityProcess } from 'electron';
import type { UtilityProcess } from 'electron';
import type { Transcript } from '../../core/transcript';
import { SpeechClient } from '../../speech/client';
import type { RecordingSession, SessionCallbacks } from '../../speech/client';
import type { SpeechHostMessage } from '../../speech/protocol';

export class SpeechProcessHost {
  private running: { child: UtilityProcess; client: SpeechClient } | null = null;

  /**
   * @param entry built speech-process.js
   * @param modelsRoot where model ids resolve (callers usually pass a model folder instead)
   */
  constructor(
    private readonly entry: string,
    private readonly modelsRoot: string,
  ) {}

  private client(): SpeechClient {
    if (this.running) return this.running.client;
    const child = utilityProcess.fork(this.entry, [this.modelsRoot], {
      serviceName: 'Pitchpace speech',
      stdio: 'inherit',
    });
    // Utility processes can only transfer MessagePorts: buffers are copied (structured clone).
    const client = new SpeechClient((message) => child.postMessage(message));
    child.on('message', (message: SpeechHostMessage) => client.receive(message));
    child.once('exit', (code) => {
      if (this.running?.child === child) this.running = null;
      client.failAll(
        new Error(
          `The speech process stopped (exit code ${code}) — possibly out of memory. ` +
            'Try again: it restarts on the next request.',
        ),
      );
    });
    this.running = { child, client };
    return client;
  }

  /** Transcribes a clip with the model in `modelFolder` (a path, so bundled models work too). */
  transcribe(
    modelFolder: string,
    samples: Float32Array,
    offsetSeconds: number,
  ): Promise<Transcript> {
    return this.client().transcribe(modelFolder, samples, offsetSeconds);
  }

  /** Loads the model in `modelFolder` and opens a streaming session for a recording. */
  async startSession(modelFolder: string, callbacks: SessionCallbacks): Promise<RecordingSession> {
    const client = this.client();
    await client.load(modelFolder);
    return client.startSession(callbacks);
  }

  /** Ends the process (on quit). */
  stop(): void {
    this.running?.child.kill();
    this.running = null;
  }
}
