/**
 * Checks a model folder against the manifest: every file present, whole and well-formed, and
 * matching its sha256 when pinned. Problems name the file and the fix.
 */
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ModelInstallState, ModelVerification } from '../../../core/desktop-api';
import type { ManifestFile, ManifestModel } from '../../models/manifest';
import { isFullyPinned } from '../../models/manifest';
import { checkOnnxFile } from '../onnx-file-check';
import { sha256OfFile } from './file-sha256';
import { partPathOf } from './download-file';

export interface ModelFolderInspection {
  state: ModelInstallState;
  /** For `partial`/`corrupt`: which file is wrong and what to do. */
  problem: string | null;
  /** The file the problem is about (the first one, when several are missing). */
  file: string | null;
  verification: ModelVerification;
}

/** A model folder that cannot be used, with the file at fault. */
export class ModelFolderError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ModelFolderError';
  }
}

type FileCheck = { ok: true } | { ok: false; state: 'partial' | 'corrupt'; problem: string };

const sizeOf = async (filePath: string): Promise<number | null> => {
  try {
    const info = await stat(filePath);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
};

async function firstBytes(filePath: string, count: number): Promise<Buffer> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Whether a file looks like what its name says (cheap: no hashing; ONNX by its top-level fields). */
async function checkForm(filePath: string, name: string, redo: string): Promise<FileCheck> {
  if (name.endsWith('.json')) {
    try {
      JSON.parse(await readFile(filePath, 'utf8'));
      return { ok: true };
    } catch {
      return {
        ok: false,
        state: 'corrupt',
        problem: `${name} is not valid JSON (damaged or cut short). ${redo}`,
      };
    }
  }
  if (name.endsWith('.onnx')) {
    const head = await firstBytes(filePath, 1);
    // A proxy or login page saved under the model's name is the classic bad download.
    const structure =
      head.toString('latin1') === '<'
        ? 'a web page (an error or login page?)'
        : checkOnnxFile(filePath);
    if (structure !== null) {
      return { ok: false, state: 'corrupt', problem: `${name} is ${structure}. ${redo}` };
    }
  }
  return { ok: true };
}

async function checkFile(
  folder: string,
  file: ManifestFile,
  verifyHashes: boolean,
  redo: string,
): Promise<FileCheck | 'absent'> {
  const filePath = path.join(folder, ...file.path.split('/'));
  const size = await sizeOf(filePath);
  if (size === null) {
    if ((await sizeOf(partPathOf(filePath))) !== null) {
      return {
        ok: false,
        state: 'partial',
        problem: `${file.path} is only partly downloaded. Resume the download to finish it.`,
      };
    }
    return 'absent';
  }
  if (size === 0) return { ok: false, state: 'partial', problem: `${file.path} is empty. ${redo}` };
  const form = await checkForm(filePath, file.path, redo);
  if (!form.ok || !verifyHashes || file.sha256 === null) return form;
  const actual = await sha256OfFile(filePath);
  if (actual === file.sha256) return { ok: true };
  return {
    ok: false,
    state: 'corrupt',
    problem: `${file.path} is corrupt (sha256 ${actual}, expected ${file.sha256}). ${redo}`,
  };
}

/**
 * Inspects `folder` (the model's own folder, e.g. `<models>/whisper-base.en`). Hashing pinned
 * files reads every byte, so listing models passes `verifyHashes: false`; download and import
 * pass true.
 */
export async function inspectModelFolder(
  folder: string,
  model: ManifestModel,
  options: { verifyHashes: boolean },
): Promise<ModelFolderInspection> {
  const unpinnedOrVerified: ModelVerification =
    isFullyPinned(model) && options.verifyHashes ? 'verified' : 'unpinned';
  const redo = `Delete the folder ${folder} and download or import ${model.id} again.`;
  const absent: string[] = [];
  for (const file of model.files) {
    const check = await checkFile(folder, file, options.verifyHashes, redo);
    if (check === 'absent') {
      absent.push(file.path);
      continue;
    }
    if (!check.ok) {
      const problem = `${model.id}: ${check.problem}`;
      return { state: check.state, problem, file: file.path, verification: 'unpinned' };
    }
  }
  if (absent.length === model.files.length) {
    return { state: 'missing', problem: null, file: null, verification: 'unpinned' };
  }
  if (absent.length > 0) {
    return {
      state: 'partial',
      problem:
        `${model.id}: ${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing. ` +
        `Download the model again, or import a complete folder (it needs ${model.files.map((f) => f.path).join(', ')}).`,
      file: absent[0] ?? null,
      verification: 'unpinned',
    };
  }
  return { state: 'installed', problem: null, file: null, verification: unpinnedOrVerified };
}

/**
 * Throws a `ModelFolderError` naming the faulty file unless the folder holds the whole model.
 * The transcription loader calls this before handing the folder to Transformers.js, whose own
 * errors for a missing or damaged file are far less helpful.
 */
export async function assertModelFolderUsable(
  folder: string,
  model: ManifestModel,
  options: { verifyHashes: boolean } = { verifyHashes: false },
): Promise<ModelVerification> {
  const inspection = await inspectModelFolder(folder, model, options);
  if (inspection.state === 'installed') return inspection.verification;
  if (inspection.state === 'missing') {
    throw new ModelFolderError(
      model.files[0]?.path ?? '',
      `Model ${model.id} is not installed in ${folder}. Download it in the app, run ` +
        `"npm run models -- ${model.id}", or import a model folder.`,
    );
  }
  throw new ModelFolderError(
    inspection.file ?? '',
    inspection.problem ?? `${model.id} is unusable.`,
  );
}
