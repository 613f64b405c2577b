#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: opens the desktop app, or — where the Electron runtime cannot be obtained
 * (offline) — says so in one line and serves the same UI in the browser.
 * `--dry-run` prints the plan as JSON instead of running it.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { detectElectronRuntime, planStart } from './start-plan.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const runtime = detectElectronRuntime(projectRoot);
const plan = planStart(projectRoot, runtime);

if (process.argv.includes('--dry-run')) {
  process.stdout.write(`${JSON.stringify({ runtime, plan })}\n`);
} else {
  if (plan.message) process.stdout.write(`${plan.message}\n`);
  const child = spawn(plan.command, plan.args, {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, ...plan.env },
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
