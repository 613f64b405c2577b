/**
 * Entry of the speech utility process: the shared Node speech host on this process's parent
 * port. argv[2] is the models folder ids resolve under.
 */
import { createNodeSpeechHost } from '../../speech/node/node-speech-host';
import type { SpeechClientMessage } from '../../speech/protocol';

const host = createNodeSpeechHost({
  modelsRoot: process.argv[2] ?? '.',
  fix: 'Open Models in Pitchpace and download the model again, or import a complete model folder.',
  post: (message) => process.parentPort.postMessage(message),
});
process.parentPort.on('message', (event) => void host.handle(event.data as SpeechClientMessage));
