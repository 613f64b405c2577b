// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Imports a folder may not make: dependencies point renderer/electron/cli → speech → core. */
const forbid = (groups) => ({
  'no-restricted-imports': ['error', { patterns: groups }],
});
const nodeBuiltins = { regex: '^node:', message: 'Node built-ins are not allowed here.' };
const upward = (folder) => ({
  regex: `(^|/)${folder}(/|$)`,
  message: `This folder may not import from ${folder}/ (see DEVELOPERS.md: dependencies point one way).`,
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'tests/fixtures/**',
      'bin/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.es2023 },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    // Keep disableTypeChecked's parserOptions (projectService off): plain JS is in no tsconfig.
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: forbid([
      {
        regex: '^[^.]',
        message: 'core/ is pure TypeScript: no libraries, Node, DOM or framework imports.',
      },
      upward('speech'),
      upward('renderer'),
      upward('electron'),
      upward('cli'),
      upward('scripts'),
    ]),
  },
  {
    // Tests of core/ may use the test runner and a schema validator, never the other folders.
    files: ['core/**/*.test.ts'],
    rules: forbid([upward('speech'), upward('renderer'), upward('electron'), upward('cli')]),
  },
  {
    files: ['speech/**/*.ts'],
    ignores: ['speech/node/**', 'speech/**/*.test.ts'],
    rules: forbid([
      nodeBuiltins,
      upward('renderer'),
      upward('electron'),
      upward('cli'),
      upward('scripts'),
    ]),
  },
  {
    files: ['speech/node/**/*.ts'],
    rules: forbid([upward('renderer'), upward('electron'), upward('cli')]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([
        nodeBuiltins,
        upward('electron'),
        upward('cli'),
        { regex: 'speech/node', message: 'Node-only speech code is not for the renderer.' },
      ]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: forbid([upward('renderer'), upward('cli')]),
  },
  {
    files: ['cli/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts', '*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['cli/**/*.ts'],
    rules: forbid([upward('renderer'), upward('electron')]),
  },
);
