/**
 * "Import model folder…": for machines that cannot download. Recognises which catalog model a
 * folder holds (from its config.json), validates it, and copies it into the models folder the
 * same all-or-nothing way a download lands.
 */
import { copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ModelVerification } from '../../../core/desktop-api';
import type { CatalogModel } from '../../models/catalog';
import { MODEL_CATALOG } from '../../models/catalog';
import { modelFolderOf } from './download-model';
import { ModelFolderError, inspectModelFolder } from './model-folder';

export interface ModelImportReport {
  modelId: string;
  verification: ModelVerification;
  folder: string;
}

const configNumber = (config: Record<string, unknown>, key: string): number | null =>
  typeof config[key] === 'number' ? config[key] : null;

/** Which catalog model a folder's config.json describes (by width and encoder depth). */
async function identifyModel(
  source: string,
  catalog: readonly CatalogModel[],
): Promise<CatalogModel> {
  const configPath = path.join(source, 'config.json');
  let config: unknown;
  try {
    config = JSON.parse(await readFile(configPath, 'utf8'));
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    throw new ModelFolderError(
      'config.json',
      missing
        ? `${source} is not a Whisper model folder: config.json is missing. Choose the folder ` +
            'that contains config.json and onnx/ (for example models/whisper-base.en).'
        : `${configPath} is not valid JSON (damaged or cut short). Copy the folder again.`,
    );
  }
  const record =
    typeof config === 'object' && config !== null ? (config as Record<string, unknown>) : {};
  const dModel = configNumber(record, 'd_model');
  const encoderLayers = configNumber(record, 'encoder_layers');
  const match = catalog.find(
    (model) => model.dims.dModel === dModel && model.dims.encoderLayers === encoderLayers,
  );
  if (!match) {
    const offered = catalog.map((model) => model.id).join(', ');
    throw new ModelFolderError(
      'config.json',
      `${configPath} describes a model Pitchpace does not offer (d_model ${String(dModel)}, ` +
        `${String(encoderLayers)} encoder layers). Import one of: ${offered}.`,
    );
  }
  return match;
}

/** Validates `source` and copies it to `<modelsRoot>/<id>`, replacing any earlier copy. */
export async function importModelFolder(
  source: string,
  modelsRoot: string,
  catalog: readonly CatalogModel[] = MODEL_CATALOG,
): Promise<ModelImportReport> {
  const model = await identifyModel(source, catalog);
  const inspection = await inspectModelFolder(source, model.manifest, { verifyHashes: true });
  if (inspection.state !== 'installed') {
    const problem = inspection.problem ?? `${source} holds none of ${model.id}'s files.`;
    throw new ModelFolderError(inspection.file ?? '', `Cannot import ${source}: ${problem}`);
  }

  const target = modelFolderOf(modelsRoot, model.id);
  if (path.resolve(source) === path.resolve(target)) {
    return { modelId: model.id, verification: inspection.verification, folder: target };
  }
  const staging = path.join(
    modelsRoot,
    '.partial',
    `${model.id}.import-${process.pid}-${Date.now()}`,
  );
  try {
    for (const file of model.manifest.files) {
      const parts = file.path.split('/');
      await mkdir(path.join(staging, ...parts.slice(0, -1)), { recursive: true });
      await copyFile(path.join(source, ...parts), path.join(staging, ...parts));
    }
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const code = (error as { code?: unknown }).code;
    throw new Error(
      `Could not copy ${model.id} into ${modelsRoot} (${typeof code === 'string' ? code : String(error)}). ` +
        'Free some disk space or make the models folder writable, then import again.',
      { cause: error },
    );
  }
  return { modelId: model.id, verification: inspection.verification, folder: target };
}
