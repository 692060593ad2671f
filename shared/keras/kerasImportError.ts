import { CodedError } from '../errors/codedError';

/**
 * A Keras or TensorFlow.js model file that NetCanvas cannot read, with the exact place:
 * `layers[3] (dense_1): unknown layer class "LSTM"`,
 * `layers[2].config.units (dense): expected a whole number, got "ten"`.
 */
export class KerasImportError extends CodedError<'unreadableKeras'> {
  constructor(
    /** Where in the model config, like `layers[2].config.units`; empty for the whole file. */
    readonly path: string,
    /** What is wrong there, in one line. */
    readonly reason: string,
    /** The Keras layer name, when the problem belongs to one layer. */
    readonly layer?: string,
  ) {
    super(
      'unreadableKeras',
      `${path}${layer === undefined ? '' : ` (${layer})`}${path || layer !== undefined ? ': ' : ''}${reason}`,
    );
  }
}
