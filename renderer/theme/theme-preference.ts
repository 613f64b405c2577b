/**
 * Light, dark or follow the system: the user's choice is kept in localStorage and applied as
 * inline custom properties on the root element (they win over styles/theme.css and its
 * prefers-color-scheme rule), plus `data-theme` for the rare rule that needs it. Canvas-drawn
 * parts listen for {@link THEME_CHANGE_EVENT} to re-read their colours.
 */
import { DARK_PALETTE, LIGHT_PALETTE } from './palettes';

export type ThemeChoice = 'system' | 'light' | 'dark';

/** Fired on window after the theme changed (canvas colours must be re-read). */
export const THEME_CHANGE_EVENT = 'pitchpace-theme-change';

const STORAGE_KEY = 'pitchpace.theme';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

const isChoice = (value: unknown): value is ThemeChoice =>
  value === 'system' || value === 'light' || value === 'dark';

/** The saved choice ('system' when none, or when storage is unavailable). */
export function savedThemeChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isChoice(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** The theme actually shown for a choice. */
export function resolveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies and remembers a choice. */
export function applyThemeChoice(choice: ThemeChoice, root = document.documentElement): void {
  for (const name of Object.keys(LIGHT_PALETTE)) root.style.removeProperty(name);
  if (choice === 'system') {
    delete root.dataset.theme;
    root.style.removeProperty('color-scheme');
  } else {
    root.dataset.theme = choice;
    root.style.setProperty('color-scheme', choice);
    const palette = choice === 'dark' ? DARK_PALETTE : LIGHT_PALETTE;
    for (const [name, value] of Object.entries(palette)) root.style.setProperty(name, value);
  }
  try {
    localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Private mode or storage full: the choice still applies to this session.
  }
  window.dispatchEvent(new Event(THEME_CHANGE_EVENT));
}

/** The next choice in the toggle's cycle. */
export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  const i = THEME_CHOICES.indexOf(choice);
  return THEME_CHOICES[(i + 1) % THEME_CHOICES.length] ?? 'system';
}
