/** Entry of `npm run models` (see fetch-models/fetch-models-command.ts). Ctrl+C keeps partial files. */
import { fetchModelsCommand } from './fetch-models/fetch-models-command';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.exitCode = await fetchModelsCommand(process.argv.slice(2), process, {
  signal: controller.signal,
});
