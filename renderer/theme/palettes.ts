/**
 * The two palettes as data, so an explicit theme choice can be applied from script and checked
 * for contrast in tests. They repeat styles/theme.css (the system-following default); the
 * review e2e spec checks in Chromium that both give the same computed colours.
 */

/** Light theme custom properties. */
export const LIGHT_PALETTE: Readonly<Record<string, string>> = {
  '--bg': '#f6f7f9',
  '--surface': '#ffffff',
  '--surface-2': '#eef0f4',
  '--text': '#1d2330',
  '--muted': '#5d6677',
  '--border': '#dde1e8',
  '--accent': '#4f5bd5',
  '--accent-soft': '#eceefc',
  '--ok': '#1f7a50',
  '--warn': '#8a5a00',
  '--warn-soft': '#fdf4e1',
  '--danger': '#b3362d',
  '--danger-soft': '#fcebea',
  '--wave': '#8b93e6',
  '--wave-progress': '#4f5bd5',
  '--shadow': '0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 8%)',
};

/** Dark theme custom properties. */
export const DARK_PALETTE: Readonly<Record<string, string>> = {
  '--bg': '#14171d',
  '--surface': '#1c2028',
  '--surface-2': '#252a34',
  '--text': '#e6e9ef',
  '--muted': '#9aa3b2',
  '--border': '#2f3542',
  '--accent': '#8b95f0',
  '--accent-soft': '#262b45',
  '--ok': '#4cc38a',
  '--warn': '#e2a93b',
  '--warn-soft': '#33291a',
  '--danger': '#f0695f',
  '--danger-soft': '#3a2224',
  '--wave': '#6f78c9',
  '--wave-progress': '#aab2ff',
  '--shadow': '0 1px 2px rgb(0 0 0 / 40%)',
};
