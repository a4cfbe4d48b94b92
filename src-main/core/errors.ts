/** An error meant for the user: `code` is stable for programs, `message` says what to do. */
export class SparringError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SparringError';
  }
}

export const notFound = (what: string) =>
  new SparringError('not_found', `${what} was not found. It may have been deleted; go back and pick another.`);
