// Does the network's Input match the data set's images, and its output the data set's classes?
// Checked on the inferred shapes before any tensor is allocated, with the fix spelled out.
import type { GraphReport } from '../../shared/graph/inferGraph';
import type { Graph } from '../../shared/graph/types';
import { layerDef, resolveParams } from '../../shared/layers/catalogue';
import type { DatasetInfo } from '../../shared/training/datasetTypes';
import type { TrainingTask } from '../../shared/training/task';
import { taskMismatch } from '../../shared/training/task';

/** What training needs to know about the network's ends. */
export interface DataFit {
  /** The Input's shape without the batch dimension; the pixels are reshaped to it. */
  readonly inputShape: number[];
  readonly outputName: string;
}

const dims = (s: readonly number[]): string => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;

/**
 * Checks the graph against a data set.
 * @returns the shapes to train with, or a sentence saying what to change
 */
export function checkDataFit(
  graph: Graph,
  report: GraphReport,
  info: Pick<DatasetInfo, 'title' | 'inputShape' | 'classNames'>,
  task: TrainingTask = 'classify',
): DataFit | string {
  const name = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? id;
  if (report.inputIds.length !== 1)
    return `NetCanvas trains networks with exactly one Input block; this one has ${report.inputIds.length}.`;
  if (report.outputIds.length !== 1)
    return `NetCanvas trains networks with exactly one output layer; this one ends in ${report.outputIds.length} (${report.outputIds.map((id) => `'${name(id)}'`).join(', ')}). Connect the loose ends or delete them.`;
  const inputId = report.inputIds[0] ?? '';
  const outputId = report.outputIds[0] ?? '';
  const inShape = report.nodes.get(inputId)?.outputShape?.slice(1) ?? [];
  const outShape = report.nodes.get(outputId)?.outputShape?.slice(1) ?? [];
  const sample = [...info.inputShape];
  const need = sample.reduce((a, b) => a * b, 1);
  if (inShape.some((d) => d === null))
    return `The Input block '${name(inputId)}' needs a fixed shape; set it to ${dims(sample)}.`;
  const inputShape = inShape as number[];
  const have = inputShape.reduce((a, b) => a * b, 1);
  if (have !== need)
    return `The Input block '${name(inputId)}' expects ${dims(inputShape)} (${have} numbers per sample), but ${info.title} images are ${info.inputShape.join(' × ')} (${need} numbers). Set the Input shape to ${dims(sample)}.`;
  const untrainable = cannotTrain(graph);
  if (untrainable) return untrainable;
  // An autoencoder's output is compared with its input, a classifier's with the classes.
  const mismatch = taskMismatch(task, inputShape, outShape, name(outputId));
  if (mismatch) return mismatch;
  if (task === 'reconstruct') return { inputShape, outputName: name(outputId) };
  const classes = info.classNames.length;
  if (outShape.length !== 1 || outShape[0] !== classes) {
    const out = outShape.map((d) => d ?? 'None').join(' × ');
    return outShape.length !== 1
      ? `The last layer '${name(outputId)}' outputs (${out}) per sample, but a classifier needs one number per class (${classes} for ${info.title}). Insert Flatten and a Dense layer with ${classes} units and softmax at the end.`
      : `The last layer '${name(outputId)}' outputs ${String(outShape[0])} numbers per sample, but ${info.title} has ${classes} classes. Set its units to ${classes}.`;
  }
  return { inputShape, outputName: name(outputId) };
}

/** Settings TensorFlow.js 4.22 ignores in these layers: it would build a different network. */
const TFJS_IGNORES: Readonly<Record<string, readonly string[]>> = {
  Conv2DTranspose: ['dilation_rate', 'output_padding'],
  DepthwiseConv2D: ['dilation_rate'],
};

/**
 * Why TensorFlow.js (which trains networks here) cannot train this network as Keras would, or
 * undefined: dilated convolutions have no gradients in tfjs, its Conv2DTranspose ignores
 * dilation_rate and output_padding, and its DepthwiseConv2D dilation_rate. Shapes and exports
 * stay right either way.
 */
function cannotTrain(graph: Graph): string | undefined {
  for (const n of graph.nodes) {
    const def = layerDef(n.type);
    if (!def || !('dilation_rate' in def.params)) continue;
    const values = resolveParams(def, n.params).values;
    const rate = values['dilation_rate'];
    const dilated = Array.isArray(rate) && rate.some((r) => typeof r === 'number' && r > 1);
    const ignored = TFJS_IGNORES[n.type];
    if (ignored) {
      const set = ignored.filter((k) => (k === 'dilation_rate' ? dilated : values[k] !== null));
      if (set.length)
        return `${n.type} '${n.name}' sets ${set.join(' and ')}. TensorFlow.js, which trains networks here, ignores ${set.length > 1 ? 'them' : 'it'} in this layer, so it would train a different network; this network cannot be trained in NetCanvas as it is. Clear ${set.join(' and ')} to train it (dilation_rate 1). Its shapes and exports stay right as it is.`;
    } else if (dilated)
      return `${n.type} '${n.name}' has a dilation_rate above 1. TensorFlow.js, which trains networks here, cannot compute gradients for dilated convolutions yet, so this network cannot be trained in NetCanvas; set dilation_rate to 1 to train it. Its shapes and exports stay right as it is.`;
  }
  return undefined;
}
