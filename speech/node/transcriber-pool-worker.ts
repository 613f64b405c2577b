/**
 * One worker thread of {@link TranscriberPool}: loads a Whisper pipeline and transcribes the
 * windows it is sent, one at a time. Kept to the adapter: the work is speech/'s.
 */
import { parentPort } from 'node:worker_threads';
import type { WhisperTranscriber } from '../transcriber';
import { loadLocalWhisper } from './load-whisper';
import { ModelFilesError } from './model-files-error';
import type { PoolError, PoolReply, PoolRequest } from './transcriber-pool-protocol';

const port = parentPort;
if (!port) throw new Error('transcriber-pool-worker runs as a worker thread only');

function poolError(error: unknown): PoolError {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    message: e.message,
    name: e.name,
    ...(e instanceof ModelFilesError ? { file: e.file } : {}),
  };
}

let transcriber: WhisperTranscriber | null = null;
const post = (reply: PoolReply) => port.postMessage(reply);

port.on('message', (request: PoolRequest) => {
  void (async () => {
    switch (request.type) {
      case 'load':
        try {
          transcriber = await loadLocalWhisper(request.model.dirOrId, request.model.options);
          post({ type: 'loaded', modelId: transcriber.modelId } satisfies PoolReply);
        } catch (error) {
          post({ type: 'failed', id: null, error: poolError(error) } satisfies PoolReply);
        }
        return;
      case 'transcribe':
        try {
          if (!transcriber) throw new Error('transcriber-pool-worker: no model loaded');
          const words = await transcriber.transcribeBatch(request.windows);
          post({ type: 'words', id: request.id, words } satisfies PoolReply);
        } catch (error) {
          post({ type: 'failed', id: request.id, error: poolError(error) } satisfies PoolReply);
        }
        return;
      case 'dispose':
        await transcriber?.dispose();
        transcriber = null;
        post({ type: 'disposed' } satisfies PoolReply);
    }
  })();
});
