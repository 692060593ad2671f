// How much memory training a network will take, from the shapes alone, so that a network that
// cannot fit is refused with numbers before a single weight is allocated.
import { freemem } from 'node:os';
import type { GraphReport } from '../../shared/graph/inferGraph';
import type { ComputeBackend } from '../../shared/training/runEvents';
import type { TrainingSettings } from '../../shared/training/settings';

const MB = 1024 * 1024;
const FLOAT32 = 4;

/** What training needs, in MB, by kind. */
export interface MemoryEstimate {
  readonly weightsMB: number;
  /** Optimizer state: Adam keeps two numbers per weight, SGD with momentum one. */
  readonly optimizerMB: number;
  readonly gradientsMB: number;
  /** Every layer's output for a batch, kept for backpropagation, plus its gradient. */
  readonly activationsMB: number;
  /** The data set held in memory (uint8 pixels). */
  readonly dataMB: number;
  /** The runtime itself (Node, tfjs, the backend). */
  readonly runtimeMB: number;
  /** Everything that lives in tensors (weights, optimizer, gradients, activations). */
  readonly tensorsMB: number;
  readonly totalMB: number;
}

/** Node, tfjs and a backend loaded and idle, measured roughly with the wasm backend. */
const RUNTIME_MB = 200;

/** Optimizer slots per weight, as tfjs's optimizers allocate them. */
export function optimizerSlots(settings: Pick<TrainingSettings, 'optimizer' | 'momentum'>): number {
  switch (settings.optimizer) {
    case 'adam':
      return 2; // first and second moments
    case 'rmsprop':
      return 2; // tfjs always keeps mean squares and moments
    case 'adagrad':
      return 1; // accumulated squares
    case 'sgd':
      return settings.momentum > 0 ? 1 : 0; // velocity
  }
}

/**
 * Estimates training memory from a graph's inferred shapes and parameter counts.
 *
 * @param report - `inferGraph` of the network (must be ok: every shape known)
 * @param datasetBytes - bytes of the data set held in memory (0 when unknown)
 */
export function estimateMemory(
  report: GraphReport,
  settings: Pick<TrainingSettings, 'optimizer' | 'momentum' | 'batchSize'>,
  datasetBytes = 0,
): MemoryEstimate {
  const params = report.totals.total;
  const weights = params * FLOAT32;
  const optimizer = report.totals.trainable * FLOAT32 * optimizerSlots(settings);
  const gradients = report.totals.trainable * FLOAT32;
  let perSample = 0;
  for (const node of report.nodes.values()) {
    const shape = node.outputShape;
    if (!shape) continue;
    perSample += shape.slice(1).reduce<number>((a, d) => a * (d ?? 1), 1);
  }
  // Forward outputs are kept for the backward pass, and each gets a gradient of the same size.
  const activations = perSample * settings.batchSize * FLOAT32 * 2;
  const tensorsMB = (weights + optimizer + gradients + activations) / MB;
  const dataMB = datasetBytes / MB;
  return {
    weightsMB: weights / MB,
    optimizerMB: optimizer / MB,
    gradientsMB: gradients / MB,
    activationsMB: activations / MB,
    dataMB,
    runtimeMB: RUNTIME_MB,
    tensorsMB,
    totalMB: tensorsMB + dataMB + RUNTIME_MB,
  };
}

/** The memory a run may use on a backend. */
export interface MemoryLimits {
  /** System memory this run may take, MB: free memory, or less where other runs hold a share. */
  readonly systemMB: number;
  /** Where tensors live when that is smaller than the system: wasm32 addresses at most 4 GB. */
  readonly tensorsMB: number | null;
  /** MB of the training budget held for the other runs training now (0 when none). */
  readonly reservedMB: number;
}

/** What the runs training beside this one take (see runService's admission). */
export interface SharedMemory {
  /** All the memory the host lets its runs train in together, MB; null: free memory only. */
  readonly budgetMB?: number | null;
  /** The other running runs' estimates, MB. */
  readonly reservedMB?: number;
}

/**
 * Free memory now (or `limitMB`), less what the other runs training beside this one are expected
 * to take of the host's budget, and the backend's own ceiling for tensors. Free memory alone at
 * this process's start does not show what the others will still allocate.
 */
export function memoryLimits(
  backend: ComputeBackend,
  limitMB: number | null = null,
  shared: SharedMemory = {},
): MemoryLimits {
  const freeMB = limitMB ?? freemem() / MB;
  const reservedMB = shared.reservedMB ?? 0;
  const budgetLeft =
    shared.budgetMB === undefined || shared.budgetMB === null
      ? Infinity
      : shared.budgetMB - reservedMB;
  const systemMB = Math.max(0, Math.min(freeMB, budgetLeft));
  // tfjs-backend-wasm is built with a 4 GB (wasm32) heap maximum (getHeapMax() = 4294901760).
  return { systemMB, tensorsMB: backend === 'wasm' ? 4095 : null, reservedMB };
}

const fmt = (mb: number): string => `${Math.ceil(mb).toLocaleString('en-US')} MB`;

/**
 * Why a network will not fit, with the numbers and what to change, or null when it fits.
 */
export function memoryRefusal(
  estimate: MemoryEstimate,
  limits: MemoryLimits,
  batchSize: number,
): string | null {
  const parts =
    `weights ${fmt(estimate.weightsMB)}, optimizer state ${fmt(estimate.optimizerMB)}, gradients ${fmt(estimate.gradientsMB)}, ` +
    `activations ${fmt(estimate.activationsMB)} for a batch of ${batchSize}`;
  const advice =
    'Use a smaller batch size (activations grow with it), fewer filters or units, or pool earlier so the images shrink sooner.';
  if (limits.tensorsMB !== null && estimate.tensorsMB > limits.tensorsMB)
    return `This network needs about ${fmt(estimate.tensorsMB)} of tensors to train (${parts}), but the wasm backend can hold at most ${fmt(limits.tensorsMB)}. ${advice}`;
  const others =
    limits.reservedMB > 0
      ? ` (${fmt(limits.reservedMB)} is held for the other runs training now; stop one or wait for it to finish)`
      : '';
  if (estimate.totalMB > limits.systemMB)
    return `This network needs about ${fmt(estimate.totalMB)} to train (${parts}, data ${fmt(estimate.dataMB)}, runtime ${fmt(estimate.runtimeMB)}), but only ${fmt(limits.systemMB)} of memory is free${others}. ${advice}`;
  return null;
}
