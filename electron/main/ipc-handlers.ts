/** The desktop API's operations in the main process, over the model service and speech host. */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { DesktopAppInfo, DesktopTranscribeRequest } from '../../core/desktop-api';
import type { Transcript } from '../../core/transcript';
import { isCatalogModelId } from '../../speech/models/catalog';
import type { LiveTranscriptions } from './live-transcription';
import type { ModelService } from './model-service';
import { exportReportPdf, reportTitleArg } from './report-export';
import type { ReportFileSaving } from './report-export';
import type { InvokeHandlers, SendHandlers } from './typed-ipc';
import { sendEvent } from './typed-ipc';

export interface DesktopServices extends ReportFileSaving {
  appInfo(): DesktopAppInfo;
  models: ModelService;
  /** Transcribes with the model in `modelFolder` in the speech process. */
  transcribe(
    modelFolder: string,
    samples: Float32Array,
    offsetSeconds: number,
  ): Promise<Transcript>;
  /** Live transcription sessions (streaming while recording). */
  live: LiveTranscriptions<WebContents>;
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

/** Ten seconds of 16 kHz audio: far more than one ~100 ms push ever carries. */
const MAX_PUSH_SAMPLES = 16_000 * 10;

const sessionArg = (args: unknown[]): [number] => {
  const [session] = args;
  if (args.length !== 1 || !Number.isSafeInteger(session) || (session as number) < 1) {
    throw new Error(`Unknown live transcription ${JSON.stringify(session)}.`);
  }
  return [session as number];
};

const pushArgs = (args: unknown[]): [number, Float32Array] => {
  const [session] = sessionArg(args.slice(0, 1));
  const samples = args[1];
  if (
    args.length !== 2 ||
    !(samples instanceof Float32Array) ||
    samples.length > MAX_PUSH_SAMPLES
  ) {
    throw new Error('pushed audio must be at most 10 s of 16 kHz Float32Array samples.');
  }
  return [session, samples];
};

export function createSendHandlers(services: DesktopServices): SendHandlers {
  return {
    'speech:push': {
      parse: pushArgs,
      handle: (event, session, samples) => {
        services.live.push(event.sender.id, session, samples);
      },
    },
  };
}

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
    'speech:start': {
      parse: modelIdArg,
      handle: async (event, modelId) =>
        services.live.start(event.sender, await services.models.installedFolderOf(modelId)),
    },
    'speech:finish': {
      parse: sessionArg,
      handle: (event, session) => services.live.finish(event.sender.id, session),
    },
    'speech:cancel': {
      parse: sessionArg,
      handle: (event, session) => services.live.cancel(event.sender.id, session),
    },
    'report:export-pdf': {
      parse: reportTitleArg,
      handle: (event, title) => exportReportPdf(event, title, services),
    },
  };
}
