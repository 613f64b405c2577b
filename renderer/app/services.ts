/** The app's long-lived services, wired once (the composition root). */
import { ModelController } from '../features/models/model-controller';
import { RecordingController } from '../features/record/recording-controller';
import { desktopApi, DesktopTranscriptionEngine } from '../features/transcription/desktop-engine';
import { RecordingTranscription } from '../features/transcription/recording-transcription';
import { StoredTranscripts } from '../features/transcription/stored-transcripts';
import type { TranscriptionEngine } from '../features/transcription/transcription-engine';
import { WorkerTranscriptionEngine } from '../features/transcription/worker-engine';
import { useAppStore } from '../store/app-store';
import { appDatabase } from '../storage/schema';

export const recordingController = new RecordingController(appDatabase(), useAppStore);

// Desktop: the Electron speech process (ONNX Runtime Node); browser: a Web Worker (WASM).
const desktop = desktopApi();
const engine: TranscriptionEngine = desktop
  ? new DesktopTranscriptionEngine(desktop)
  : new WorkerTranscriptionEngine();

export const modelController = new ModelController(engine, desktop);
const activeModelId = () => modelController.activeModelId();
export const storedTranscripts = new StoredTranscripts(engine, activeModelId, appDatabase());
new RecordingTranscription(engine, activeModelId, appDatabase()).attach(
  recordingController,
  useAppStore,
);
