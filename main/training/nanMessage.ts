import type { TrainingSettings } from '../../shared/training/settings';

/** A learning rate that usually trains well for each optimizer, for the advice. */
const TYPICAL_RATE: Record<TrainingSettings['optimizer'], number> = {
  sgd: 0.01,
  adam: 0.001,
  rmsprop: 0.001,
  adagrad: 0.01,
};

/**
 * Why the loss became NaN or infinite, for a learner: nearly always a learning rate so high that
 * the weights overflow; the second usual suspect is an output layer without softmax.
 */
export function nanMessage(
  settings: Pick<TrainingSettings, 'optimizer' | 'learningRate'>,
  epoch: number,
  batch: number,
  output?: { readonly name: string; readonly activation: string | null },
): string {
  const typical = TYPICAL_RATE[settings.optimizer];
  const lrAdvice =
    settings.learningRate > typical
      ? `The learning rate (${settings.learningRate}) is probably too high: the weights grew until the numbers overflowed. Try ${typical}, a usual value for ${settings.optimizer}.`
      : `The learning rate (${settings.learningRate}) may still be too high for this network: try a smaller one, e.g. ${typical / 10}.`;
  const softmax =
    output && output.activation !== 'softmax'
      ? ` Also, the last layer '${output.name}' uses ${output.activation ?? 'no'} activation; cross-entropy needs probabilities, so give it activation softmax.`
      : '';
  return `Training stopped: the loss became NaN (not a number) at epoch ${epoch}, batch ${batch}. ${lrAdvice}${softmax}`;
}
