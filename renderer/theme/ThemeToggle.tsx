import { useEffect, useState } from 'react';
import type { ThemeChoice } from './theme-preference';
import { applyThemeChoice, nextThemeChoice, savedThemeChoice } from './theme-preference';

const LABEL: Record<ThemeChoice, string> = {
  system: 'System theme',
  light: 'Light theme',
  dark: 'Dark theme',
};
const ICON: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

/** Cycles system → light → dark. `T` does the same from anywhere (see the shortcuts). */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(savedThemeChoice);
  useEffect(() => applyThemeChoice(choice), [choice]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 't' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      setChoice(nextThemeChoice);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <button
      type="button"
      className="button theme-toggle"
      data-testid="theme-toggle"
      aria-label={`${LABEL[choice]} (T to change)`}
      title={`${LABEL[choice]} — click to change`}
      onClick={() => setChoice(nextThemeChoice)}
    >
      <span aria-hidden="true">{ICON[choice]}</span> {LABEL[choice].replace(' theme', '')}
    </button>
  );
}
