import { afterEach, describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { DARK_PALETTE, LIGHT_PALETTE } from './palettes';
import {
  THEME_CHANGE_EVENT,
  applyThemeChoice,
  nextThemeChoice,
  savedThemeChoice,
} from './theme-preference';

afterEach(() => applyThemeChoice('system'));

describe('palettes', () => {
  it.each([
    ['light', LIGHT_PALETTE],
    ['dark', DARK_PALETTE],
  ])('%s: text colours pass WCAG AA (4.5:1) on every background', (_name, palette) => {
    for (const fg of ['--text', '--muted', '--accent', '--ok', '--warn', '--danger']) {
      for (const bg of ['--bg', '--surface', '--surface-2']) {
        const ratio = contrastRatio(palette[fg] ?? '', palette[bg] ?? '');
        expect(ratio, `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('both themes define the same properties', () => {
    expect(Object.keys(DARK_PALETTE).sort()).toEqual(Object.keys(LIGHT_PALETTE).sort());
  });
});

describe('theme choice', () => {
  it('applies a choice to the root, remembers it and announces it', () => {
    let events = 0;
    const count = () => events++;
    window.addEventListener(THEME_CHANGE_EVENT, count);
    applyThemeChoice('dark');
    const root = document.documentElement;
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.getPropertyValue('--bg')).toBe(DARK_PALETTE['--bg']);
    expect(savedThemeChoice()).toBe('dark');
    applyThemeChoice('system');
    expect(root.dataset.theme).toBeUndefined();
    expect(root.style.getPropertyValue('--bg')).toBe('');
    expect(events).toBe(2);
    window.removeEventListener(THEME_CHANGE_EVENT, count);
  });

  it('cycles system → light → dark → system', () => {
    expect(nextThemeChoice('system')).toBe('light');
    expect(nextThemeChoice('light')).toBe('dark');
    expect(nextThemeChoice('dark')).toBe('system');
  });
});

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for equal colours', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#4f5bd5', '#4f5bd5')).toBe(1);
  });
});
