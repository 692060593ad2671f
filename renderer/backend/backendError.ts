import type { ApiErrorCode } from '../../shared/api/apiSchemas';

/** A failed backend call, with the backend's sentence for the learner. */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}
