import type { ApiErrorCode } from '../../shared/api/apiSchemas';
import { CodedError } from '../../shared/errors/codedError';

/**
 * A failure a service reports to the learner: `message` says what is wrong and how to fix it,
 * `code` decides the HTTP status and how the renderer reacts. Anything else thrown by a service
 * is an internal error.
 */
export class ApiError extends CodedError<ApiErrorCode> {}
