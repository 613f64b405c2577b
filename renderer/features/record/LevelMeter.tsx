import { useEffect, useRef } from 'react';
import { meterFraction } from '../../audio/level';
import { useLiveInput } from './live-input';

/**
 * Live input level of the open microphone. Drawn with requestAnimationFrame straight into the
 * DOM: 60 React renders a second for a bar would be waste.
 */
export function LevelMeter() {
  const input = useLiveInput((s) => s.input);
  const meterRef = useRef<HTMLDivElement>(null);
  const fillRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const fill = fillRef.current;
    const meter = meterRef.current;
    if (!fill || !meter) return;
    if (!input) {
      fill.style.transform = 'scaleX(0)';
      meter.setAttribute('aria-valuenow', '0');
      return;
    }
    const block = new Float32Array(input.analyser.fftSize);
    let shown = 0;
    let frame = requestAnimationFrame(function draw() {
      input.analyser.getFloatTimeDomainData(block);
      const level = meterFraction(block);
      // Rise at once, fall gently: easier to read than the raw value.
      shown = level > shown ? level : shown * 0.9 + level * 0.1;
      fill.style.transform = `scaleX(${shown.toFixed(3)})`;
      meter.setAttribute('aria-valuenow', String(Math.round(shown * 100)));
      frame = requestAnimationFrame(draw);
    });
    return () => cancelAnimationFrame(frame);
  }, [input]);

  return (
    <div
      ref={meterRef}
      className={`level-meter${input ? '' : ' level-meter--off'}`}
      role="meter"
      aria-label="Microphone input level"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={0}
      data-testid="level-meter"
    >
      <div ref={fillRef} className="level-meter__fill" />
    </div>
  );
}
