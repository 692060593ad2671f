// The data-loading part of the exported Python script, written the way the Keras tutorials do it
// (keras.datasets for the classics, image_dataset_from_directory for folders). Each data-set
// kind's `pythonLoader` is one of these.
import { pyValue } from '../shared/export/pyValue';
import type { DatasetRefOf } from '../shared/training/datasetRef';
import type { TrainingSettings } from '../shared/training/settings';
import { taskOf } from '../shared/training/task';

/** How the script feeds the data to `fit` and `evaluate`. */
export interface PythonData {
  /** Statements that define the data. */
  readonly code: string;
  /** Arguments of `model.fit(...)` that carry the data (and validation). */
  readonly fitData: string;
  /** Arguments of `model.evaluate(...)`. */
  readonly evaluateData: string;
  /** Whether `batch_size` and `validation_split` go to `fit` (arrays) or were given to the data set. */
  readonly arrays: boolean;
  /** Python modules the data code needs beyond keras (`pathlib`). */
  readonly imports: readonly string[];
}

/**
 * The loader of a data set that `keras.datasets.<module>.load_data()` downloads.
 * @param module - the module under `keras.datasets` (`fashion_mnist`)
 * @param what - one comment line saying what the data are
 */
export function kerasArrays(module: string, what: string) {
  return (_ref: unknown, settings: TrainingSettings, classes: number): PythonData => {
    // An autoencoder's target is its input: no labels are needed.
    const reconstruct = taskOf(settings) === 'reconstruct';
    const categorical = settings.loss === 'categorical_crossentropy' && !reconstruct;
    const lines = [
      `# ${what} (Keras downloads it on first use).`,
      `(x_train, y_train), (x_test, y_test) = keras.datasets.${module}.load_data()`,
      '',
      "# Scale the pixels from 0–255 to 0–1 and give each sample the shape of the network's Input.",
      'x_train = x_train.reshape((-1,) + INPUT_SHAPE).astype("float32") / 255',
      'x_test = x_test.reshape((-1,) + INPUT_SHAPE).astype("float32") / 255',
    ];
    if (settings.limit !== null)
      lines.push(
        `x_train, y_train = x_train[:${settings.limit}], y_train[:${settings.limit}]  # NetCanvas's --limit`,
      );
    if (categorical)
      lines.push(
        '',
        '# categorical_crossentropy compares with one-hot labels: 3 becomes [0, 0, 0, 1, 0, 0, 0, 0, 0, 0].',
        `y_train = keras.utils.to_categorical(y_train, ${classes})`,
        `y_test = keras.utils.to_categorical(y_test, ${classes})`,
      );
    const validation =
      settings.validationSplit > 0 ? `, validation_split=${settings.validationSplit}` : '';
    return {
      code: lines.join('\n'),
      fitData: `x_train, ${reconstruct ? 'x_train' : 'y_train'}, batch_size=${settings.batchSize}${validation}, shuffle=${pyValue(settings.shuffle)}`,
      evaluateData: reconstruct ? 'x_test, x_test' : 'x_test, y_test',
      arrays: true,
      imports: [],
    };
  };
}

/** An image folder read with `keras.utils.image_dataset_from_directory`, split as NetCanvas splits it. */
export function imageDatasetFromDirectory(
  ref: DatasetRefOf<'folder'>,
  settings: TrainingSettings,
): PythonData {
  const labelMode = settings.loss === 'categorical_crossentropy' ? 'categorical' : 'int';
  const common = `image_size=${pyValue(ref.imageSize)}, color_mode=${pyValue(ref.color)}, label_mode=${pyValue(labelMode)}, batch_size=${settings.batchSize}, seed=SEED`;
  const testFraction = ref.testFraction ?? 0.2;
  const val = settings.validationSplit;
  const lines = [
    '# An image folder: one subfolder per class (like "hotdog/" and "not_hotdog/").',
    `DATA_DIR = pathlib.Path(${pyValue(ref.path)})`,
    'if (DATA_DIR / "train").is_dir() and (DATA_DIR / "test").is_dir():',
    ...(val > 0
      ? [
          `    train_ds = keras.utils.image_dataset_from_directory(DATA_DIR / "train", validation_split=${val}, subset="training", ${common})`,
          `    val_ds = keras.utils.image_dataset_from_directory(DATA_DIR / "train", validation_split=${val}, subset="validation", ${common})`,
        ]
      : [
          `    train_ds = keras.utils.image_dataset_from_directory(DATA_DIR / "train", ${common})`,
          '    val_ds = None',
        ]),
    `    test_ds = keras.utils.image_dataset_from_directory(DATA_DIR / "test", shuffle=False, ${common})`,
    'else:',
    `    # No train/ and test/ subfolders: hold out ${Math.round(testFraction * 100)}% of each class for testing, as NetCanvas does.`,
    `    train_ds = keras.utils.image_dataset_from_directory(DATA_DIR, validation_split=${testFraction}, subset="training", ${common})`,
    `    test_ds = keras.utils.image_dataset_from_directory(DATA_DIR, validation_split=${testFraction}, subset="validation", ${common})`,
    '    val_ds = None',
    '',
    "# Scale the pixels from 0–255 to 0–1 and give each sample the shape of the network's Input.",
    'def prepare(x, y):',
    ...(taskOf(settings) === 'reconstruct'
      ? [
          '    # An autoencoder learns to give back its input: the input is also the target.',
          '    x = keras.ops.reshape(x / 255.0, (-1,) + INPUT_SHAPE)',
          '    return x, x',
        ]
      : ['    return keras.ops.reshape(x / 255.0, (-1,) + INPUT_SHAPE), y']),
    '',
    'train_ds = train_ds.map(prepare)',
    'test_ds = test_ds.map(prepare)',
    'if val_ds is not None:',
    '    val_ds = val_ds.map(prepare)',
  ];
  if (settings.limit !== null)
    lines.push(
      `train_ds = train_ds.unbatch().take(${settings.limit}).batch(${settings.batchSize})  # NetCanvas's --limit`,
    );
  return {
    code: lines.join('\n'),
    fitData: 'train_ds, validation_data=val_ds',
    evaluateData: 'test_ds',
    arrays: false,
    imports: ['pathlib'],
  };
}
