// The parts of the exported Python script that change with where it trains: one device (as Keras
// trains by default), every GPU of one machine (tf.distribute.MirroredStrategy) or several
// machines (tf.distribute.MultiWorkerMirroredStrategy, configured by TF_CONFIG). The layers, the
// data pipeline and the fit call stay the same; the model is built and compiled in the strategy's
// scope, and `batch_size` is the global batch, split between the replicas.
import type { DistributionStrategy } from '../../shared/api/exportFormats';
import { pyValue } from './pythonLayers';

/** Lines and expressions the script takes from its strategy. */
export interface PythonStrategy {
  /** Extra lines of the module docstring: how to run it. */
  readonly docstring: readonly string[];
  /** Extra imports (before `import keras`). */
  readonly imports: readonly string[];
  /** Statements right after the imports: the strategy is created before TensorFlow runs anything. */
  readonly setup: readonly string[];
  /** `with strategy.scope():`, or null on one device. */
  readonly scope: string | null;
  /** The Python expression for the path a saved file goes to. */
  path(file: string): string;
}

/** The strategy part of the script that saves its files as `file`.keras. */
export function pythonStrategy(strategy: DistributionStrategy, file: string): PythonStrategy {
  switch (strategy) {
    case 'single':
      return { docstring: [], imports: [], setup: [], scope: null, path: pyValue };
    case 'mirrored':
      return {
        docstring: [
          '',
          'Trains on every GPU of this machine (tf.distribute.MirroredStrategy); run it as above.',
        ],
        imports: ['import tensorflow as tf'],
        setup: [
          '# Every GPU of this machine holds a copy of the model; each batch is split between them and',
          '# their gradients are summed, so batch_size below is the global batch.',
          'strategy = tf.distribute.MirroredStrategy()',
          'print(f"Training on {strategy.num_replicas_in_sync} device(s)")',
          '',
        ],
        scope: 'with strategy.scope():',
        path: pyValue,
      };
    case 'multi-worker':
      return {
        docstring: [
          '',
          'Trains on several machines (tf.distribute.MultiWorkerMirroredStrategy). Start this same script',
          'on every machine, each with TF_CONFIG listing all of them and its own index, e.g. for two:',
          `  TF_CONFIG='{"cluster": {"worker": ["host1:12345", "host2:12345"]}, "task": {"type": "worker", "index": 0}}' python ${file}.py`,
          `  TF_CONFIG='{"cluster": {"worker": ["host1:12345", "host2:12345"]}, "task": {"type": "worker", "index": 1}}' python ${file}.py`,
          'Without TF_CONFIG it trains on this machine alone. Worker 0 (or the "chief") keeps the saved',
          'model; the others save to a temporary folder.',
        ],
        imports: ['import json', 'import os', 'import tempfile', '', 'import tensorflow as tf'],
        setup: [
          '# Created first: the workers connect to each other before TensorFlow runs anything else.',
          '# Each worker takes its share of every batch, so batch_size below is the global batch.',
          'strategy = tf.distribute.MultiWorkerMirroredStrategy()',
          'print(f"Training on {strategy.num_replicas_in_sync} device(s)")',
          'TF_CONFIG = json.loads(os.environ.get("TF_CONFIG", "{}"))',
          'TASK = TF_CONFIG.get("task", {})',
          'IS_CHIEF = TASK.get("type") == "chief" or ("chief" not in TF_CONFIG.get("cluster", {}) and TASK.get("index", 0) == 0)',
          "# Every worker must save (saving is collective); only the chief's files are kept.",
          'SAVE_DIR = "." if IS_CHIEF else tempfile.mkdtemp()',
          '',
          '',
          'def save_path(name):',
          '    return os.path.join(SAVE_DIR, name)',
          '',
          '',
        ],
        scope: 'with strategy.scope():',
        path: (f) => `save_path(${pyValue(f)})`,
      };
  }
}
