import { CodedError } from '../errors/codedError';
import type { Issue } from '../graph/issues';

/** The graph cannot become a Keras model; `issues` lists its errors (empty for a structural reason). */
export class KerasExportError extends CodedError<'notExportable'> {
  constructor(
    readonly issues: readonly Issue[],
    message = `The network cannot be exported: ${issues.length} error${issues.length === 1 ? '' : 's'}: ${issues.map((i) => i.message).join(' | ')}`,
  ) {
    super('notExportable', message);
  }
}
