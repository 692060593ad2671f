// One place that writes a model in each export format, for a trained run (weights included)
// and for a bare graph (architecture only; tfjs gets freshly initialised weights).
import type * as tf from '@tensorflow/tfjs';
import { resolve } from 'node:path';
import type { ExportFormat, ExportResult } from '../../shared/api/backendApi';
import type { Graph } from '../../shared/graph/types';
import { toKerasTopology } from '../../shared/keras/toKerasTopology';
import type { DatasetRef } from '../../shared/training/datasetTypes';
import type { TrainingSettings } from '../../shared/training/settings';
import { buildModel } from '../training/buildModel';
import { writeFileAtomic } from './atomicWrite';
import type { AtomicFs } from './atomicWrite';
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
  /** Stored in the tfjs model.json's `userDefinedMetadata` when known. */
  readonly classNames?: readonly string[];
}

/**
 * Writes `source` in `format` to `target`: a folder for tfjs (model.json + weights.bin), a file
 * for keras-json and python. Every file is written atomically.
 *
 * @throws ExportWriteError when a file cannot be written; KerasExportError for a graph with errors
 */
export async function exportModel(source: ExportSource, format: ExportFormat, target: string, fs?: AtomicFs): Promise<ExportResult> {
  const path = resolve(target);
  switch (format) {
    case 'tfjs': {
      const model = source.model ?? (await buildModel(toKerasTopology(source.graph, { name: source.name }), source.settings));
      try {
        const metadata = { netcanvas: { name: source.name, dataset: source.dataset.kind, ...(source.classNames ? { classNames: [...source.classNames] } : {}) } };
        return { files: await saveTfjsModel(model, path, fs ? { metadata, fs } : { metadata }) };
      } finally {
        if (!source.model) model.dispose();
      }
    }
    case 'keras-json':
      await writeFileAtomic(path, `${JSON.stringify(toKerasTopology(source.graph, { name: source.name }), null, 2)}\n`, fs);
      return { files: [path] };
    case 'python':
      await writeFileAtomic(path, pythonScript({ graph: source.graph, settings: source.settings, name: source.name, dataset: source.dataset }), fs);
      return { files: [path] };
  }
}
