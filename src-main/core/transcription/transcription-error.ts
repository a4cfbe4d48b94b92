export type TranscriptionErrorCode =
  | 'binary_missing'
  | 'model_missing'
  | 'model_invalid'
  | 'audio_unreadable'
  | 'audio_too_long'
  | 'cancelled'
  | 'timeout'
  | 'crashed'
  | 'failed';

/** Every transcription failure, with a message a rep can act on. The audio is never deleted on error. */
export class TranscriptionError extends Error {
  constructor(
    readonly code: TranscriptionErrorCode,
    message: string,
    readonly detail = '',
  ) {
    super(message);
    this.name = 'TranscriptionError';
  }
}
