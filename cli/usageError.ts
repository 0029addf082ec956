/** A command line Copydesk cannot act on: exit status 2, and a pointer to --help. */
export class UsageError extends Error {
  constructor(readonly command: string | null, message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
