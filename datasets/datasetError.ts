import { CodedError } from '../shared/errors/codedError';
import type { DatasetErrorCode } from '../shared/training/datasetTypes';

/**
 * A data set that cannot be used, with a stable `code` and a message written for a learner:
 * what is wrong, which file or folder, and how to fix it.
 */
export class DatasetError extends CodedError<DatasetErrorCode> {
  /**
   * @param code - what kind of problem (see {@link DatasetErrorCode})
   * @param path - the file or folder at fault
   * @param message - the whole sentence shown to the learner; it names `path`
   */
  constructor(
    code: DatasetErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(code, message);
  }
}

/** True for a {@link DatasetError}, optionally of one code. */
export function isDatasetError(e: unknown, code?: DatasetErrorCode): e is DatasetError {
  return e instanceof DatasetError && (code === undefined || e.code === code);
}
