/** Failures that are not problems in the documents: they end the run with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export class InternalError extends Error {
  override name = 'InternalError';
}

export const EXIT = { ok: 0, documentErrors: 1, failure: 2 } as const;
