import { useId } from 'react';
import { recordingController } from '../../app/services';
import { useAppStore } from '../../store/app-store';
import { LevelMeter } from './LevelMeter';
import { useLiveInput } from './live-input';

/** Input choice, a live level meter and a way to try the microphone before recording. */
export function MicrophonePicker() {
  const selectId = useId();
  const microphones = useAppStore((s) => s.microphones);
  const microphoneId = useAppStore((s) => s.microphoneId);
  const select = useAppStore((s) => s.selectMicrophone);
  const idle = useAppStore((s) => s.phase === 'idle');
  const open = useLiveInput((s) => s.input !== undefined);

  const choose = (value: string) => {
    select(value || undefined);
    // Re-open the preview on the new device so the meter follows the choice.
    if (open) void recordingController.closePreview().then(() => recordingController.openPreview());
  };

  return (
    <div className="microphone">
      <label htmlFor={selectId} className="field-label">
        Microphone
      </label>
      <div className="microphone__row">
        <select
          id={selectId}
          value={microphoneId ?? ''}
          disabled={!idle}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">System default</option>
          {microphones
            .filter((m) => m.deviceId !== 'default' && m.deviceId !== '')
            .map((m) => (
              <option key={m.deviceId} value={m.deviceId}>
                {m.label}
              </option>
            ))}
        </select>
        <button
          type="button"
          className="button button--quiet"
          disabled={!idle}
          onClick={() =>
            void (open ? recordingController.closePreview() : recordingController.openPreview())
          }
        >
          {open && idle ? 'Stop test' : 'Test microphone'}
        </button>
      </div>
      <LevelMeter />
    </div>
  );
}
