/**
 * Work done once when the app opens: finish recordings an earlier session left open, load the
 * history and the microphone list.
 */
import { formatClock } from '../../core/units';
import { isRecordingElsewhere } from '../features/record/recording-lock';
import { useAppStore } from '../store/app-store';
import { listAttempts } from '../storage/attempts';
import { recoverInterruptedAttempts } from '../storage/recovery';
import { appDatabase } from '../storage/schema';
import { modelController, recordingController } from './services';

export async function startApp(): Promise<void> {
  // models load in the background: recording works without one
  void modelController.refresh();
  const db = appDatabase();
  const store = useAppStore.getState();
  // Ask the browser not to evict saved attempts under storage pressure (Electron never does).
  void navigator.storage?.persist?.().catch(() => false);
  try {
    const outcomes = await recoverInterruptedAttempts(db, isRecordingElsewhere);
    store.setAttempts(await listAttempts(db));
    const recovered = outcomes.flatMap((o) => (o.kind === 'recovered' ? [o.attempt] : []));
    const [latest] = recovered;
    if (latest) {
      store.openAttempt(latest.id);
      const when = new Date(latest.createdAt).toLocaleString();
      store.showNotice(
        'info',
        `A recording from ${when} was interrupted. Its ${formatClock(latest.duration)} of audio ${recovered.length > 1 ? `(and ${recovered.length - 1} more recording${recovered.length > 2 ? 's' : ''}) were` : 'was'} recovered.`,
      );
    }
  } catch (error) {
    store.setAttempts([]);
    store.showNotice(
      'error',
      `Saved attempts could not be opened (${error instanceof Error ? error.message : String(error)}). New recordings may not be kept.`,
    );
  }
  await recordingController.refreshMicrophones();
  navigator.mediaDevices?.addEventListener('devicechange', () => {
    void recordingController.refreshMicrophones();
  });
}
