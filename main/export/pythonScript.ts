// A Python Keras script that rebuilds, trains and evaluates the canvas network, in the style of
// the Keras tutorials: Sequential for a plain stack, the functional API otherwise; the same
// layers, parameter count, compile and fit settings, on one device, on every GPU of one machine or
// on several machines (pythonStrategy.ts).
import { inferGraph } from '../../shared/graph/inferGraph';
import type { Graph, LayerNode, Shape } from '../../shared/graph/types';
import { KerasExportError } from '../../shared/keras/kerasExportError';
import { layerOrder, sequentialChain } from '../../shared/keras/layerOrder';
import type { DatasetRef } from '../../shared/training/datasetTypes';
import type { Monitor, TrainingSettings } from '../../shared/training/settings';
import type { DistributionStrategy } from '../../shared/api/exportFormats';
import { pythonData } from './pythonData';
import { pythonInput, pythonLayer, pyValue } from './pythonLayers';
import { pythonAugmentation } from './pythonAugmentation';
import { pythonStrategy } from './pythonStrategy';
import { monitorForTask, RECONSTRUCTION_LOSS, taskOf } from '../../shared/training/task';

export interface PythonScriptInput {
  readonly graph: Graph;
  readonly settings: TrainingSettings;
  /** The model name; also names the files the script saves. */
  readonly name: string;
  readonly dataset: DatasetRef;
  /** Where it trains: one device (the default), one machine's GPUs, or several machines. */
  readonly strategy?: DistributionStrategy;
}

const count = (n: number): string => n.toLocaleString('en-US');
const kerasShape = (s: Shape): string =>
  `(${s.map((d) => (d === null ? 'None' : String(d))).join(', ')}${s.length === 1 ? ',' : ''})`;

/** A name Python and Keras accept for a variable or file. */
export function pyIdentifier(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, '_');
  return id === '' ? 'layer' : id;
}

// Names the script itself uses, and Python keywords a layer might be called.
const TAKEN = new Set([
  'keras',
  'layers',
  'model',
  'augmentation',
  'tf',
  'json',
  'os',
  'tempfile',
  'strategy',
  'save_path',
  'TF_CONFIG',
  'TASK',
  'IS_CHIEF',
  'SAVE_DIR',
  'pathlib',
  'history',
  'callbacks',
  'prepare',
  'x_train',
  'y_train',
  'x_test',
  'y_test',
  'train_ds',
  'val_ds',
  'test_ds',
  'input',
  'lambda',
  'class',
  'def',
  'pass',
  'from',
  'import',
  'global',
  'with',
  'as',
  'in',
  'is',
  'not',
  'or',
  'and',
  'if',
  'else',
  'for',
  'while',
  'return',
  'None',
  'True',
  'False',
]);

function optimizer(s: TrainingSettings): string {
  const lr = `learning_rate=${s.learningRate}`;
  switch (s.optimizer) {
    case 'sgd':
      return `keras.optimizers.SGD(${lr}${s.momentum > 0 ? `, momentum=${s.momentum}` : ''})`;
    case 'adam':
      return `keras.optimizers.Adam(${lr})`;
    case 'rmsprop':
      return `keras.optimizers.RMSprop(${lr})`;
    case 'adagrad':
      return `keras.optimizers.Adagrad(${lr})`;
  }
}

/** NetCanvas watches the training twin of a val_ metric when there is no validation data. */
function monitorFor(m: Monitor, hasValidation: boolean): Monitor {
  if (hasValidation) return m;
  return m === 'val_loss' ? 'loss' : m === 'val_accuracy' ? 'accuracy' : m;
}

/**
 * The whole script.
 * @throws KerasExportError when the graph has errors
 */
export function pythonScript(input: PythonScriptInput): string {
  const { graph, settings, dataset } = input;
  const report = inferGraph(graph);
  if (!report.ok) throw new KerasExportError(report.issues);
  const file = pyIdentifier(input.name);
  const inputNode = graph.nodes.find((n) => n.id === report.inputIds[0]);
  const outputId = report.outputIds[0];
  const classes = (outputId ? report.nodes.get(outputId)?.outputShape?.at(-1) : null) ?? 10;
  const inputShape = inputNode ? (report.nodes.get(inputNode.id)?.outputShape?.slice(1) ?? []) : [];
  const comment = (n: LayerNode): string => {
    const r = report.nodes.get(n.id);
    const params = (r?.params?.trainable ?? 0) + (r?.params?.nonTrainable ?? 0);
    return `# ${r?.outputShape ? kerasShape(r.outputShape) : '?'}  ${count(params)} params`;
  };

  const modelLines: string[] = [];
  const augmentation = pythonAugmentation(settings.augmentation, inputShape, dataset);
  if (augmentation) modelLines.push(...augmentation, '');
  const chain = sequentialChain(graph);
  if (chain) {
    modelLines.push('model = keras.Sequential(', '    [');
    for (const n of chain) {
      modelLines.push(
        `        ${n.type === 'InputLayer' ? pythonInput(n) : pythonLayer(n)},  ${comment(n)}`,
      );
      if (n.type === 'InputLayer' && augmentation) modelLines.push('        augmentation,');
    }
    modelLines.push('    ],', `    name=${pyValue(input.name)},`, ')');
  } else {
    // Functional API: each layer is applied to the outputs of the layers wired into it.
    const vars = new Map<string, string>();
    const inputIds = new Set(report.inputIds);
    const used = new Set(TAKEN);
    for (const n of layerOrder(graph)) {
      let v = pyIdentifier(n.name);
      while (used.has(v)) v = `${v}_out`;
      used.add(v);
      vars.set(n.id, v);
    }
    for (const n of layerOrder(graph)) {
      const v = vars.get(n.id) ?? 'x';
      if (n.type === 'InputLayer') {
        modelLines.push(`${v} = ${pythonInput(n)}  ${comment(n)}`);
        if (augmentation) modelLines.push(`${v}_augmented = augmentation(${v})`);
        continue;
      }
      const fed = (id: string) =>
        `${vars.get(id) ?? '?'}${augmentation && inputIds.has(id) ? '_augmented' : ''}`;
      const sources = graph.edges.filter((e) => e.target === n.id).map((e) => fed(e.source));
      const arg = sources.length === 1 ? (sources[0] ?? '?') : `[${sources.join(', ')}]`;
      modelLines.push(`${v} = ${pythonLayer(n)}(${arg})  ${comment(n)}`);
    }
    const list = (ids: readonly string[]) =>
      ids.length === 1
        ? (vars.get(ids[0] ?? '') ?? '?')
        : `[${ids.map((id) => vars.get(id) ?? '?').join(', ')}]`;
    modelLines.push(
      `model = keras.Model(inputs=${list(report.inputIds)}, outputs=${list(report.outputIds)}, name=${pyValue(input.name)})`,
    );
  }

  const data = pythonData(dataset, settings, classes);
  const reconstruct = taskOf(settings) === 'reconstruct';
  const distributed = pythonStrategy(input.strategy ?? 'single', file);
  const bestPath = distributed.path(`${file}.best.keras`);
  const hasValidation = settings.validationSplit > 0;
  const callbacks: string[] = [];
  const watched = settings.earlyStopping?.monitor ?? 'val_loss';
  if (settings.earlyStopping)
    callbacks.push(
      `    keras.callbacks.EarlyStopping(monitor=${pyValue(monitorFor(monitorForTask(settings.earlyStopping.monitor, taskOf(settings)), hasValidation))}, patience=${settings.earlyStopping.patience}),`,
    );
  if (settings.keepBest)
    callbacks.push(
      `    # Keep the weights of the best epoch, not the last one.`,
      `    keras.callbacks.ModelCheckpoint(${bestPath}, monitor=${pyValue(monitorFor(monitorForTask(watched, taskOf(settings)), hasValidation))}, save_best_only=True),`,
    );
  const t = report.totals;
  // Under a strategy, the model and its optimizer are created inside `with strategy.scope():`.
  const imports = [...data.imports.map((m) => `import ${m}`), ...distributed.imports];
  const scoped = (lines: readonly string[]): string[] =>
    distributed.scope ? [distributed.scope, ...lines.map((l) => `    ${l}`)] : [...lines];

  return [
    `"""${input.name}: a network built in NetCanvas, as a Keras script.`,
    '',
    'Rebuilds the network drawn on the canvas, trains it with the same settings and evaluates it',
    `on the test set. Needs TensorFlow 2.16+ (Keras 3): pip install tensorflow; then: python ${file}.py`,
    ...distributed.docstring,
    '"""',
    ...(imports.length > 0 ? [...imports, ''] : []),
    'import keras',
    'from keras import layers',
    '',
    ...distributed.setup,
    `SEED = ${settings.seed}`,
    'keras.utils.set_random_seed(SEED)  # the same weights and shuffles on every run',
    `INPUT_SHAPE = ${pyValue(inputShape)}`,
    '',
    data.code,
    '',
    '# The network. Each comment is the output shape and the parameter count NetCanvas showed.',
    ...scoped([
      ...modelLines,
      `# Total params: ${count(t.total)} (trainable: ${count(t.trainable)}, non-trainable: ${count(t.nonTrainable)})`,
      'model.compile(',
      `    optimizer=${optimizer(settings)},`,
      ...(reconstruct
        ? [
            '    # The loss is the reconstruction: how far each output pixel is from the input pixel.',
            `    loss=${pyValue(RECONSTRUCTION_LOSS)},`,
          ]
        : [`    loss=${pyValue(settings.loss)},`, '    metrics=["accuracy"],']),
      ')',
    ]),
    'model.summary()',
    '',
    'callbacks = [',
    ...callbacks,
    ']',
    `history = model.fit(${data.fitData}, epochs=${settings.epochs}, callbacks=callbacks)`,
    ...(settings.keepBest ? [`model = keras.models.load_model(${bestPath})`] : []),
    '',
    ...(reconstruct
      ? [
          `test_loss = model.evaluate(${data.evaluateData}, verbose=0)`,
          'print(f"Test reconstruction loss: {test_loss:.4f}")',
        ]
      : [
          `test_loss, test_accuracy = model.evaluate(${data.evaluateData}, verbose=0)`,
          'print(f"Test loss: {test_loss:.4f}")',
          'print(f"Test accuracy: {test_accuracy:.4f}")',
        ]),
    `model.save(${distributed.path(`${file}.keras`)})`,
    '',
  ].join('\n');
}
