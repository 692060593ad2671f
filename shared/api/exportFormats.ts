/** One export format, as the Export dialog lists it and the CLI's `--format` accepts it. */
export interface ExportFormatInfo {
  /** The `--format` value and the API's `format`. */
  readonly id: string;
  /** What the Export dialog shows. */
  readonly label: string;
  /** What `netcanvas export --help` says the format writes. */
  readonly cliHelp: string;
  /** Appended to the model's name for the default file name; '' for a folder. */
  readonly suffix: string;
  /** True when the export carries weights (a trained model's, else freshly initialised ones). */
  readonly weights: boolean;
}

/**
 * Every format NetCanvas exports to, in the order the Export dialog lists them. The dialog, the
 * CLI, the API schema and the default file names all read this list: a new format is one entry
 * here plus its writer in `main/export/exportModel.ts`.
 */
export const EXPORT_FORMATS = [
  {
    id: 'tfjs',
    label: 'TensorFlow.js (model.json + weights)',
    cliHelp: 'model.json + weights.bin in folder PATH',
    suffix: '',
    weights: true,
  },
  {
    id: 'keras-json',
    label: 'Keras JSON (architecture)',
    cliHelp: 'the Keras topology',
    suffix: '.keras.json',
    weights: false,
  },
  {
    id: 'python',
    label: 'Python Keras script',
    cliHelp: 'a Keras script that builds, trains and evaluates the network',
    suffix: '.py',
    weights: false,
  },
  {
    id: 'onnx',
    label: 'ONNX (model + weights)',
    cliHelp: 'an ONNX model (opset 13) with the weights, for ONNX Runtime and other tools',
    suffix: '.onnx',
    weights: true,
  },
] as const satisfies readonly ExportFormatInfo[];

/** An export format's id: `tfjs`, `keras-json`, `python` or `onnx`. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number]['id'];

/** The format ids, for schemas and CLI choices. */
export const EXPORT_FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id) as [
  ExportFormat,
  ...ExportFormat[],
];

/** The entry for `format`. */
export function exportFormatInfo(format: ExportFormat): ExportFormatInfo {
  return EXPORT_FORMATS.find((f) => f.id === format) ?? EXPORT_FORMATS[0];
}

/**
 * How the exported Python script trains: on one device, on every GPU of one machine
 * (`tf.distribute.MirroredStrategy`), or on several machines (`MultiWorkerMirroredStrategy`,
 * configured by the `TF_CONFIG` environment variable).
 */
export const DISTRIBUTION_STRATEGIES = [
  { id: 'single', label: 'One device', cliHelp: 'one CPU or GPU, as Keras trains by default' },
  {
    id: 'mirrored',
    label: 'All GPUs of one machine (MirroredStrategy)',
    cliHelp: 'tf.distribute.MirroredStrategy: every GPU of one machine',
  },
  {
    id: 'multi-worker',
    label: 'Several machines (MultiWorkerMirroredStrategy)',
    cliHelp: 'tf.distribute.MultiWorkerMirroredStrategy: several machines, configured by TF_CONFIG',
  },
] as const satisfies readonly { id: string; label: string; cliHelp: string }[];

/** A distribution strategy's id. */
export type DistributionStrategy = (typeof DISTRIBUTION_STRATEGIES)[number]['id'];

/** The strategy ids, for schemas and CLI choices. */
export const DISTRIBUTION_STRATEGY_IDS = DISTRIBUTION_STRATEGIES.map((s) => s.id) as [
  DistributionStrategy,
  ...DistributionStrategy[],
];
