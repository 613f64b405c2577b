/**
 * `npm run models -- <id…|all> [--base-url <url>] [--out <folder>]`: fetches catalog models into
 * `<out>/<id>/` with the app's own downloader (resumable, verified when pinned), for bundling into
 * installers. Prints each file's sha256 so the manifest can be pinned.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ModelDownloadProgress } from '../../core/desktop-api';
import type { CatalogModel } from '../../speech/models/catalog';
import { MODEL_CATALOG, MODEL_MANIFEST } from '../../speech/models/catalog';
import { downloadModel } from '../../speech/node/download/download-model';

export interface CommandOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const USAGE =
  'usage: npm run models -- <id…|all> [--base-url <url>] [--out <folder>]\n' +
  `  ids: ${MODEL_CATALOG.map((model) => model.id).join(', ')}\n`;

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

function progressLine(progress: ModelDownloadProgress): string {
  const total = progress.totalBytes === null ? '?' : megabytes(progress.totalBytes);
  const speed = `${megabytes(progress.bytesPerSecond)}/s`;
  const left = progress.secondsLeft === null ? '' : `, ${Math.ceil(progress.secondsLeft)} s left`;
  return `${progress.modelId}: ${megabytes(progress.receivedBytes)} / ${total} at ${speed}${left} (${progress.file})`;
}

function parseBaseUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}

/** Runs the command; returns the exit code (2 for bad input, 1 for a failed download). */
export async function fetchModelsCommand(
  argv: string[],
  output: CommandOutput,
  options: { catalog?: readonly CatalogModel[]; signal?: AbortSignal } = {},
): Promise<number> {
  const catalog = options.catalog ?? MODEL_CATALOG;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'base-url': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    output.stderr.write(`models: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    output.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    output.stderr.write(`models: name a model to fetch.\n${USAGE}`);
    return 2;
  }
  const wanted = positionals.includes('all') ? catalog.map((model) => model.id) : positionals;
  const unknown = wanted.filter((id) => !catalog.some((model) => model.id === id));
  if (unknown.length > 0) {
    output.stderr.write(`models: unknown model ${unknown.join(', ')}.\n${USAGE}`);
    return 2;
  }
  const baseUrl = parseBaseUrl(values['base-url'] ?? MODEL_MANIFEST.defaultBaseUrl);
  if (baseUrl === null) {
    output.stderr.write(
      `models: --base-url must be an http(s) URL, got "${values['base-url'] ?? ''}".\n`,
    );
    return 2;
  }
  const modelsRoot = path.resolve(values.out ?? 'models');

  for (const id of wanted) {
    const model = catalog.find((entry) => entry.id === id);
    if (!model) continue;
    const started = performance.now();
    let lastLine = started;
    try {
      const report = await downloadModel({
        model: model.manifest,
        modelsRoot,
        baseUrl,
        signal: options.signal,
        progressIntervalMs: 250,
        onProgress: (progress) => {
          // One line every 2 s keeps logs readable in CI as well as on a terminal.
          if (performance.now() - lastLine < 2000) return;
          lastLine = performance.now();
          output.stderr.write(`${progressLine(progress)}\n`);
        },
      });
      if (report.status === 'cancelled') {
        output.stderr.write(`models: ${id} cancelled; run the same command again to resume.\n`);
        return 130;
      }
      const bytes = report.files.reduce((sum, file) => sum + file.bytes, 0);
      const seconds = (performance.now() - started) / 1000;
      const how = report.alreadyInstalled
        ? 'already complete'
        : `${megabytes(bytes)} in ${seconds.toFixed(1)} s`;
      output.stdout.write(`${id}: ${report.verification} in ${report.folder} (${how})\n`);
      for (const file of report.files) output.stdout.write(`  ${file.sha256}  ${file.path}\n`);
    } catch (error) {
      output.stderr.write(`models: ${(error as Error).message}\n`);
      return 1;
    }
  }
  return 0;
}
