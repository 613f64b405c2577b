/** Errors raised while reading a transcript file, each with a one-line message for the user. */

/** Why a transcript file could not be read. */
export type TranscriptErrorCode = 'unknown-format' | 'no-words' | 'times-backwards' | 'invalid';

/** A transcript file that cannot be analysed. `message` is one line, fit for a CLI or a toast. */
export class TranscriptFormatError extends Error {
  readonly code: TranscriptErrorCode;

  constructor(code: TranscriptErrorCode, message: string) {
    super(message);
    this.name = 'TranscriptFormatError';
    this.code = code;
  }
}
