// Turns the Keras topology (compiled from the canvas graph in shared/keras) into a compiled tfjs
// model. tfjs's own deserializer builds every layer: this file never constructs a layer by hand,
// so what trains is exactly what the topology (and therefore the export) describes.
import * as tf from '@tensorflow/tfjs';
import { fastAdam } from '../compute/fastAdam';
import { registerKerasLayers } from './kerasLayersForTfjs';
// Registers the Keras layers tfjs lacks (SpatialDropout2D) before any topology is built.
import './spatialDropout2d';
import type { LossName, TrainingSettings } from '../../shared/training/settings';
import { errorMessage } from '../../shared/errors/errorMessage';
import { taskOf } from '../../shared/training/task';

/** A topology tfjs cannot turn into a model, with tfjs's reason. */
export class InvalidModelError extends Error {
  override readonly name = 'InvalidModelError';
}

const TFJS_LOSS: Record<LossName, string> = {
  categorical_crossentropy: 'categoricalCrossentropy',
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
};

/** The optimizer the learner chose, with their learning rate (and momentum for SGD). */
export function makeOptimizer(
  settings: Pick<TrainingSettings, 'optimizer' | 'learningRate' | 'momentum'>,
): tf.Optimizer {
  const lr = settings.learningRate;
  switch (settings.optimizer) {
    case 'sgd':
      // Keras's SGD(momentum=m) is tfjs's MomentumOptimizer; plain SGD when momentum is 0.
      return settings.momentum > 0 ? tf.train.momentum(lr, settings.momentum) : tf.train.sgd(lr);
    case 'adam':
      // Keras's defaults (beta_1 0.9, beta_2 0.999, epsilon 1e-7); tfjs's epsilon default differs.
      // fastAdam: tfjs's Adam, with one fused update kernel per variable on wasm (same results).
      return fastAdam(lr, 0.9, 0.999, 1e-7);
    case 'rmsprop':
      // Keras: rho 0.9, momentum 0, epsilon 1e-7.
      return tf.train.rmsprop(lr, 0.9, 0, 1e-7);
    case 'adagrad':
      // Keras's initial_accumulator_value is 0.1, as is tfjs's.
      return tf.train.adagrad(lr, 0.1);
  }
}

/**
 * Compiles `model` like Keras's `model.compile(optimizer, loss, metrics=["accuracy"])`, or for a
 * reconstruct run `model.compile(optimizer, loss="mse")`: the input is the target, no accuracy.
 */
export function compileModel(
  model: tf.LayersModel,
  settings: Pick<TrainingSettings, 'optimizer' | 'learningRate' | 'momentum' | 'loss'> & {
    readonly task?: TrainingSettings['task'];
  },
): void {
  if (taskOf(settings) === 'reconstruct')
    model.compile({ optimizer: makeOptimizer(settings), loss: 'meanSquaredError' });
  else
    model.compile({
      optimizer: makeOptimizer(settings),
      loss: TFJS_LOSS[settings.loss],
      metrics: ['accuracy'],
    });
}

/**
 * Builds the tfjs model for a Keras topology (the `model.to_json()` form, or a tfjs model.json's
 * `modelTopology`) with fresh weights.
 *
 * @throws InvalidModelError when tfjs cannot build it (unknown layer, impossible shapes)
 */
export async function modelFromTopology(topology: object): Promise<tf.LayersModel> {
  registerKerasLayers();
  try {
    return await tf.models.modelFromJSON(topology as Parameters<typeof tf.models.modelFromJSON>[0]);
  } catch (e) {
    throw new InvalidModelError(`TensorFlow.js cannot build this network: ${errorMessage(e)}`);
  }
}

/**
 * Builds and compiles the model to train: the topology through tfjs's deserializer, then the
 * optimizer, loss and accuracy metric from the settings.
 *
 * @example
 * const model = await buildModel(toKerasTopology(graph), settings);
 */
export async function buildModel(
  topology: object,
  settings: TrainingSettings,
): Promise<tf.LayersModel> {
  const model = await modelFromTopology(topology);
  compileModel(model, settings);
  return model;
}
