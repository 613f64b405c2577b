#!/usr/bin/env node
// Browser end-to-end suite: builds the renderer, serves the build on loopback with the same
// headers as `npm run web`, then runs each tests/e2e/*.spec.ts in its own Node process under an
// outer `timeout`, so a hung page fails the run instead of blocking it.
// Usage: node scripts/run-e2e.js [name-filter]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const specDir = path.join(root, 'tests', 'e2e');
const configFile = path.join(root, 'vite.config.ts');
const SPEC_TIMEOUT_SECONDS = Number(process.env.PITCHPACE_E2E_SPEC_TIMEOUT ?? 240);
const filter = process.argv[2] ?? '';

function requireTools() {
  const missing = ['chromium', 'espeak-ng', 'sox', 'timeout'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
  );
  if (missing.length > 0) {
    console.error(`e2e: missing ${missing.join(', ')} (apt-get install chromium espeak-ng sox)`);
    process.exit(1);
  }
}

/** A free loopback port, so a developer's own `vite preview` on 4173 does not clash. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function runSpec(file, url) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(
      'timeout',
      [
        '--kill-after=10',
        String(SPEC_TIMEOUT_SECONDS),
        process.execPath,
        '--import',
        'tsx',
        '--test',
        '--test-reporter=spec',
        file,
      ],
      { cwd: root, stdio: 'inherit', env: { ...process.env, PITCHPACE_E2E_URL: url } },
    );
    child.on('exit', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const timedOut = code === 124 || code === 137;
      resolve({
        file,
        ok: code === 0,
        seconds,
        why: timedOut ? 'timed out' : (signal ?? `exit ${code}`),
      });
    });
  });
}

requireTools();
const specs = readdirSync(specDir)
  .filter((name) => name.endsWith('.spec.ts') && name.includes(filter))
  .sort()
  .map((name) => path.join(specDir, name));
if (specs.length === 0) {
  console.error(`e2e: no spec in tests/e2e matches "${filter}"`);
  process.exit(1);
}

// A private build folder: a concurrent `vite build` (another run, `npm run build:web`) empties
// out/renderer, which would pull the pages from under this run's server.
const outDir = mkdtempSync(path.join(tmpdir(), 'pitchpace-e2e-build-'));
const buildOptions = { outDir, emptyOutDir: true };
console.log('e2e: building the renderer');
await build({ configFile, build: buildOptions, logLevel: 'warn' });
const port = await freePort();
// The preview serves this folder at /models/ (vite.config.ts); specs generate fixture models into
// it, so e2e never depends on (or writes into) the developer's models/.
process.env.PITCHPACE_MODELS_DIR ??= path.join(
  root,
  'tests',
  'fixtures',
  'generated',
  'e2e-models',
);
// Serve with the desktop app's security headers (CSP included), so the suite also proves the UI
// works under the policy Electron's app:// handler sends.
const { tsImport } = await import('tsx/esm/api');
const { SECURITY_HEADERS } = await tsImport(
  '../electron/main/content-security-policy.ts',
  import.meta.url,
);
const server = await preview({
  configFile,
  build: buildOptions,
  preview: { port, strictPort: true, headers: SECURITY_HEADERS },
  logLevel: 'warn',
});
const url = `http://127.0.0.1:${port}/`;
console.log(`e2e: serving the build at ${url} with the app's security headers`);

const results = [];
try {
  for (const spec of specs) {
    console.log(`\ne2e: ${path.relative(root, spec)}`);
    results.push(await runSpec(spec, url));
  }
} finally {
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}

console.log('\ne2e summary');
for (const r of results) {
  console.log(
    `  ${r.ok ? 'ok  ' : 'FAIL'} ${path.relative(root, r.file)} (${r.seconds} s${r.ok ? '' : `, ${r.why}`})`,
  );
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
