import { defineConfig } from 'vitest/config';

// Unit tests. Browser end-to-end specs live in tests/e2e and run through `npm run test:e2e`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['{core,speech,cli,electron,scripts}/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          testTimeout: 60_000,
          // set-up hooks generate models and encode audio with ffmpeg/espeak-ng: on 2 busy
          // cores (CI runs test files in parallel) they take well over vitest's default 10 s
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
