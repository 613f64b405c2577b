import type { ReactNode } from 'react';
import { MODES } from '../../../core/modes';
import { useAppStore } from '../../store/app-store';
import { CurrentSection } from './CurrentSection';
import { LiveWaveform } from './LiveWaveform';
import { MicrophonePicker } from './MicrophonePicker';
import { RecordControls } from './RecordControls';
import { SectionChecklist } from './SectionChecklist';
import { useRecordingKeys } from './use-recording-keys';
import './record.css';

export interface RecordPanelProps {
  /** Shown under the live waveform while recording (e.g. a live transcript). */
  liveExtras?: ReactNode;
}

/** Everything needed to record an attempt: microphone, controls, live timing and waveform. */
export function RecordPanel({ liveExtras }: RecordPanelProps) {
  useRecordingKeys();
  const mode = useAppStore((s) => s.mode);
  const phase = useAppStore((s) => s.phase);
  const live = phase === 'recording' || phase === 'saving';
  return (
    <section className="card recorder" aria-labelledby="recorder-title">
      <div className="recorder__head">
        <div>
          <h2 id="recorder-title" className="recorder__prompt">
            “{MODES[mode].prompt}”
          </h2>
          <p className="muted">
            Space starts and stops · N or → moves to the next section · Esc stops
          </p>
        </div>
        <MicrophonePicker />
      </div>
      <RecordControls />
      {live ? (
        <>
          <CurrentSection />
          <LiveWaveform />
          {liveExtras}
        </>
      ) : null}
      <SectionChecklist />
    </section>
  );
}
