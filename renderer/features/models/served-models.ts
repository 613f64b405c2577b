/**
 * Models in the browser build: served by the app's own origin at /models/<id>/ (the dev and
 * preview servers serve the repo's `models/` folder there and list it at /models/index.json).
 */

/** Where the browser build's model folders are served (a path: transformers.js needs one). */
export const MODELS_PATH = '/models/';

/** Ids of the model folders the server has, or none when it cannot list them. */
export async function listServedModelIds(): Promise<string[]> {
  try {
    const response = await fetch(`${MODELS_PATH}index.json`);
    if (!response.ok) return [];
    const body = (await response.json()) as { models?: unknown };
    if (!Array.isArray(body.models)) return [];
    return body.models.flatMap((m: unknown) => {
      const id = (m as { id?: unknown } | null)?.id;
      return typeof id === 'string' ? [id] : [];
    });
  } catch {
    return [];
  }
}
