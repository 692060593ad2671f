// One place that writes a model in each export format, for a trained run (weights included)
// and for a bare graph (architecture only; tfjs and ONNX get freshly initialised weights).
import type * as tf from '@tensorflow/tfjs';
import { resolve } from 'node:path';
import type { DistributionStrategy, ExportFormat, ExportResult } from '../../shared/api/backendApi';
import type { Graph } from '../../shared/graph/types';
import { toKerasTopology } from '../../shared/keras/toKerasTopology';
import type { DatasetRef } from '../../shared/training/datasetTypes';
import type { TrainingSettings } from '../../shared/training/settings';
import { buildModel } from '../training/buildModel';
import { writeFileAtomic } from './atomicWrite';
import type { AtomicFs } from './atomicWrite';
import { assertOnnxExportable, toOnnxModel } from './onnx/toOnnxModel';
import { tfjsWeights } from './onnx/tfjsWeights';
import { pythonScript } from './pythonScript';
import { saveTfjsModel } from './saveTfjsModel';

/** What an export is made from. */
export interface ExportSource {
  readonly graph: Graph;
  readonly settings: TrainingSettings;
  readonly dataset: DatasetRef;
  /** Model name: the Keras model name and the Python script's file names. */
  readonly name: string;
  /** The trained model; absent for a bare graph (tfjs export then holds untrained weights). */
  readonly model?: tf.LayersModel;
  /** Stored in the tfjs model.json's `userDefinedMetadata` (and the ONNX model's metadata) when known. */
  readonly classNames?: readonly string[];
  /** How the Python script trains: one device (the default), one machine's GPUs, or several machines. */
  readonly strategy?: DistributionStrategy;
}

/** The trained model, or one built from the graph with fresh weights (disposed after `use`). */
async function withModel<T>(
  source: ExportSource,
  use: (model: tf.LayersModel) => Promise<T>,
): Promise<T> {
  const model =
    source.model ??
    (await buildModel(toKerasTopology(source.graph, { name: source.name }), source.settings));
  try {
    return await use(model);
  } finally {
    if (!source.model) model.dispose();
  }
}

/**
 * Writes `source` in `format` to `target`: a folder for tfjs (model.json + weights.bin), a file
 * for keras-json, python and onnx. Every file is written atomically.
 *
 * @throws ExportWriteError when a file cannot be written; KerasExportError for a graph with errors;
 *   OnnxExportError for a layer the ONNX export cannot write
 */
export async function exportModel(
  source: ExportSource,
  format: ExportFormat,
  target: string,
  fs?: AtomicFs,
): Promise<ExportResult> {
  const path = resolve(target);
  switch (format) {
    case 'tfjs':
      return withModel(source, async (model) => {
        const metadata = {
          netcanvas: {
            name: source.name,
            dataset: source.dataset.kind,
            ...(source.classNames ? { classNames: [...source.classNames] } : {}),
          },
        };
        return { files: await saveTfjsModel(model, path, fs ? { metadata, fs } : { metadata }) };
      });
    case 'keras-json':
      await writeFileAtomic(
        path,
        `${JSON.stringify(toKerasTopology(source.graph, { name: source.name }), null, 2)}\n`,
        fs,
      );
      return { files: [path] };
    case 'python':
      await writeFileAtomic(
        path,
        pythonScript({
          graph: source.graph,
          settings: source.settings,
          name: source.name,
          dataset: source.dataset,
          strategy: source.strategy ?? 'single',
        }),
        fs,
      );
      return { files: [path] };
    case 'onnx': {
      // A layer ONNX export cannot write is refused before a model is built.
      assertOnnxExportable(source.graph);
      const bytes = await withModel(source, async (model) =>
        toOnnxModel({
          graph: source.graph,
          name: source.name,
          weights: await tfjsWeights(model),
          ...(source.classNames ? { classNames: source.classNames } : {}),
        }),
      );
      await writeFileAtomic(path, bytes, fs);
      return { files: [path] };
    }
  }
}
