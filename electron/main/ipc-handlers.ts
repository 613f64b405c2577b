/** The desktop API's operations in the main process, over the model service and speech host. */
import type { IpcMainInvokeEvent } from 'electron';
import type { DesktopAppInfo, DesktopTranscribeRequest } from '../../core/desktop-api';
import type { Transcript } from '../../core/transcript';
import { isCatalogModelId } from '../../speech/models/catalog';
import type { ModelService } from './model-service';
import type { InvokeHandlers } from './typed-ipc';
import { sendEvent } from './typed-ipc';

export interface DesktopServices {
  appInfo(): DesktopAppInfo;
  models: ModelService;
  /** Transcribes with the model in `modelFolder` in the speech process. */
  transcribe(
    modelFolder: string,
    samples: Float32Array,
    offsetSeconds: number,
  ): Promise<Transcript>;
  /** Shows a folder picker for the window that asked; null when the user cancels. */
  chooseFolder(event: IpcMainInvokeEvent): Promise<string | null>;
}

/** Thirty minutes of 16 kHz audio: longer clips belong in a streaming session, not one call. */
const MAX_TRANSCRIBE_SAMPLES = 16_000 * 60 * 30;

const noArgs = (args: unknown[]): [] => {
  if (args.length > 0) throw new Error('This operation takes no arguments.');
  return [];
};

const modelIdArg = (args: unknown[]): [string] => {
  const [modelId] = args;
  if (args.length !== 1 || !isCatalogModelId(modelId)) {
    throw new Error(`Unknown model ${JSON.stringify(modelId)}.`);
  }
  return [modelId];
};

const transcribeArg = (args: unknown[]): [DesktopTranscribeRequest] => {
  const [request] = args;
  const candidate = (request ?? {}) as Partial<DesktopTranscribeRequest>;
  if (args.length !== 1 || !isCatalogModelId(candidate.modelId)) {
    throw new Error(`Unknown model ${JSON.stringify(candidate.modelId)}.`);
  }
  if (
    !(candidate.samples instanceof Float32Array) ||
    candidate.samples.length > MAX_TRANSCRIBE_SAMPLES
  ) {
    throw new Error(
      'Audio to transcribe must be 16 kHz mono Float32Array samples, at most 30 minutes.',
    );
  }
  const offset = candidate.offsetSeconds;
  if (typeof offset !== 'number' || !Number.isFinite(offset) || offset < 0) {
    throw new Error('offsetSeconds must be a number of seconds ≥ 0.');
  }
  return [{ modelId: candidate.modelId, samples: candidate.samples, offsetSeconds: offset }];
};

export function createInvokeHandlers(services: DesktopServices): InvokeHandlers {
  return {
    'app:get-info': { parse: noArgs, handle: () => Promise.resolve(services.appInfo()) },
    'models:list': { parse: noArgs, handle: () => services.models.list() },
    'models:download': {
      parse: modelIdArg,
      handle: (event, modelId) =>
        services.models.download(modelId, (progress) =>
          sendEvent(event.sender, 'models:download-progress', progress),
        ),
    },
    'models:cancel-download': {
      parse: modelIdArg,
      handle: (_event, modelId) => Promise.resolve(services.models.cancel(modelId)),
    },
    'models:import-folder': {
      parse: noArgs,
      handle: async (event) => {
        const folder = await services.chooseFolder(event);
        if (folder === null) return { status: 'cancelled' };
        return services.models.importFolder(folder);
      },
    },
    'speech:transcribe': {
      parse: transcribeArg,
      handle: async (_event, request) => {
        const folder = await services.models.installedFolderOf(request.modelId);
        return services.transcribe(folder, request.samples, request.offsetSeconds);
      },
    },
  };
}
