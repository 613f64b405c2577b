import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { CoachReport } from '../../../core/coach/types';
import type { Transcript } from '../../../core/transcript';
import { THEME_CHANGE_EVENT } from '../../theme/theme-preference';
import { readThemeColour, sectionRegionColour } from '../review/theme-colours';
import type { WaveSection } from './wave-sections';
import { COMFORTABLE_WPM, paceSeries } from './pace-series';
import { useReportPlayer } from './report-player';

export interface PaceChartProps {
  transcript: Transcript;
  report: CoachReport;
  sections: readonly WaveSection[];
}

/**
 * Words per minute over time (uPlot) against the comfortable band, with the sections shaded
 * behind, long pauses as ticks along the bottom and fillers per minute on a second axis.
 * Clicking the chart seeks the player.
 */
export function PaceChart({ transcript, report, sections }: PaceChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const player = useReportPlayer();

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const duration = Math.max(report.duration, transcript.duration);
    const series = paceSeries(transcript.words, report.pace.fillers, duration);
    const colour = (name: string, fallback: string) => readThemeColour(host, name, fallback);
    const shade: uPlot.Plugin = {
      hooks: {
        drawClear: [
          (u) => {
            const { ctx } = u;
            const { top, height } = u.bbox;
            ctx.save();
            for (const s of sections) {
              const x0 = u.valToPos(s.start, 'x', true);
              const x1 = u.valToPos(s.end, 'x', true);
              ctx.fillStyle = sectionRegionColour(s.modeIndex);
              ctx.fillRect(x0, top, x1 - x0, height);
            }
            const y0 = u.valToPos(COMFORTABLE_WPM.max, 'wpm', true);
            const y1 = u.valToPos(COMFORTABLE_WPM.min, 'wpm', true);
            ctx.fillStyle = 'rgba(76, 195, 138, 0.16)';
            ctx.fillRect(u.bbox.left, y0, u.bbox.width, y1 - y0);
            ctx.fillStyle = colour('--muted', '#666');
            for (const p of report.pace.longPauses) {
              const x0 = u.valToPos(p.start, 'x', true);
              const x1 = u.valToPos(p.end, 'x', true);
              ctx.fillRect(
                x0,
                top + height - 6 * devicePixelRatio,
                Math.max(2, x1 - x0),
                6 * devicePixelRatio,
              );
            }
            ctx.restore();
          },
        ],
      },
    };
    // uPlot fills in defaults only for absent keys: an explicit `scale: undefined` would hide
    // the x axis, so optional keys are added only when set.
    const axis = (label: string, scale?: string, side?: number): uPlot.Axis => ({
      label,
      ...(scale ? { scale } : {}),
      ...(side !== undefined ? { side } : {}),
      stroke: colour('--muted', '#666'),
      grid: { stroke: colour('--border', '#ddd'), width: 1 },
      ticks: { stroke: colour('--border', '#ddd'), width: 1 },
    });
    const width = Math.max(280, host.clientWidth);
    const plot = new uPlot(
      {
        width,
        height: 200,
        plugins: [shade],
        cursor: { drag: { x: false, y: false } },
        legend: { show: true, live: false },
        scales: {
          x: { time: false },
          wpm: { range: (_u, _min, max) => [0, Math.max(200, max + 10)] },
          fpm: { range: (_u, _min, max) => [0, Math.max(6, max + 1)] },
        },
        axes: [
          {
            ...axis('time'),
            values: (_u, ticks) =>
              ticks.map(
                (t) => `${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, '0')}`,
              ),
          },
          axis('words / min', 'wpm'),
          { ...axis('fillers / min', 'fpm', 1), grid: { show: false } },
        ],
        series: [
          { label: 'time' },
          { label: 'Pace (wpm)', scale: 'wpm', stroke: colour('--accent', '#4f5bd5'), width: 2 },
          {
            label: 'Fillers / min',
            scale: 'fpm',
            stroke: colour('--warn', '#8a5a00'),
            width: 1.5,
            dash: [4, 4],
          },
        ],
      },
      [series.times, series.wpm, series.fillersPerMinute],
      host,
    );
    const onClick = () => {
      const left = plot.cursor.left;
      if (left === undefined || left < 0) return;
      player.seek(plot.posToVal(left, 'x'));
    };
    plot.over.addEventListener('click', onClick);
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, host.clientWidth), height: 200 }),
    );
    resize.observe(host);
    const redraw = () => plot.redraw(false, true);
    window.addEventListener(THEME_CHANGE_EVENT, redraw);
    return () => {
      window.removeEventListener(THEME_CHANGE_EVENT, redraw);
      resize.disconnect();
      plot.over.removeEventListener('click', onClick);
      plot.destroy();
    };
  }, [transcript, report, sections, player]);

  const p = report.pace;
  return (
    <section className="card report-pace" aria-labelledby="pace-title">
      <h3 id="pace-title">Pace</h3>
      <p className="report-pace__summary">
        <span data-testid="pace-wpm">
          <strong>{Math.round(p.wpm)}</strong> words/min overall
        </span>{' '}
        (comfortable: {COMFORTABLE_WPM.min}–{COMFORTABLE_WPM.max}) ·{' '}
        <strong>{p.fillersPerMinute}</strong> fillers/min ({p.fillerCount} in all) ·{' '}
        <strong>{p.longPauses.length}</strong> pauses over 1.5 s
      </p>
      <div
        ref={hostRef}
        className="report-pace__chart"
        data-testid="pace-chart"
        role="img"
        aria-label={`Words per minute over time, ${Math.round(p.wpm)} on average against a comfortable ${COMFORTABLE_WPM.min} to ${COMFORTABLE_WPM.max}; the green band is the comfortable range, sections are shaded, grey ticks are long pauses.`}
      />
      <p className="report-pace__key muted">
        Shaded columns: sections · green band: comfortable pace · grey ticks: pauses over 1.5 s ·
        click the chart to play from there
      </p>
    </section>
  );
}
