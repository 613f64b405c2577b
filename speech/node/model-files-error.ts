/** A missing, partial or corrupt model; the message names the file and the fix. */
export class ModelFilesError extends Error {
  override readonly name = 'ModelFilesError';
  constructor(
    readonly file: string,
    problem: string,
    fix: string,
  ) {
    super(`${problem}. Fix: ${fix}`);
  }
}
