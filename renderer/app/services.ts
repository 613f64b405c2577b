/** The app's long-lived services, wired once (the composition root). */
import { RecordingController } from '../features/record/recording-controller';
import { useAppStore } from '../store/app-store';
import { appDatabase } from '../storage/schema';

export const recordingController = new RecordingController(appDatabase(), useAppStore);
