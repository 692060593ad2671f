// Writes a tfjs LayersModel as the standard TensorFlow.js files (model.json + one weights .bin),
// which `tf.loadLayersModel` in any TensorFlow.js (browser, Node, tfjs-node's file://) loads.
import * as tf from '@tensorflow/tfjs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AtomicFs } from './atomicWrite';
import { describeWriteError, writeFilesAtomic } from './atomicWrite';

/** The file names NetCanvas writes, the same as tfjs-node's `file://` handler. */
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/** The model.json format (tfjs's `ModelJSON`), as written to disk. */
export type TfjsModelJson = tf.io.ModelJSON;

export interface SaveTfjsOptions {
  /** Extra facts stored under `userDefinedMetadata` (class names, data set, ...). */
  readonly metadata?: Record<string, NonNullable<unknown>>;
  /** File operations (tests inject failing ones). */
  readonly fs?: AtomicFs;
}

/** The model's artifacts (topology, weight specs and bytes) without touching the disk. */
export async function modelArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      captured = artifacts;
      return Promise.resolve({ modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) });
    }),
  );
  if (!captured) throw new Error('internal: tfjs did not hand over the model artifacts');
  return captured;
}

/**
 * Saves `model` into the folder `dir` (created if needed) as `model.json` and `weights.bin`,
 * each written atomically; on failure neither file is left behind.
 *
 * @returns the absolute paths written
 * @throws ExportWriteError naming the file and the reason (disk full, permission, ...)
 */
export async function saveTfjsModel(
  model: tf.LayersModel,
  dir: string,
  opts: SaveTfjsOptions = {},
): Promise<string[]> {
  const folder = resolve(dir);
  const artifacts = await modelArtifacts(model);
  const weights =
    artifacts.weightData === undefined
      ? new ArrayBuffer(0)
      : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
  const json: TfjsModelJson = {
    modelTopology: artifacts.modelTopology ?? {},
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: null,
    weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
    // Compile settings, so a loaded model can keep training (tfjs re-compiles from them).
    // `model.save` fills it in for a compiled model.
    ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
    ...(opts.metadata ? { userDefinedMetadata: opts.metadata } : {}),
  };
  try {
    await mkdir(folder, { recursive: true });
  } catch (e) {
    throw describeWriteError(folder, e);
  }
  // Weights first: a model.json is only ever there when its weights are.
  return writeFilesAtomic(
    [
      { path: join(folder, WEIGHTS_BIN), data: new Uint8Array(weights) },
      { path: join(folder, MODEL_JSON), data: `${JSON.stringify(json)}\n` },
    ],
    opts.fs,
  );
}
