// Reads a TensorFlow.js model (model.json + weight files) from disk: NetCanvas's own exports, or
// any tfjs layers model. Plain @tensorflow/tfjs has no file system loader in Node (that lives
// in tfjs-node, an optional dependency here), so this is ours.
import * as tf from '@tensorflow/tfjs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { JsonTextError, parseJsonText } from '../../shared/json/parseJsonText';
import { MODEL_JSON } from './saveTfjsModel';
import { errorMessage } from '../../shared/errors/errorMessage';
import { registerKerasLayers } from '../training/kerasLayersForTfjs';
// A saved model with SpatialDropout2D loads only once tfjs knows the class.
import '../training/spatialDropout2d';

/** A model folder or file that cannot be loaded, with what is wrong. */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
}

/** The model.json path for a folder or a file path. */
export async function modelJsonPath(path: string): Promise<string> {
  const p = resolve(path);
  try {
    return (await stat(p)).isDirectory() ? join(p, MODEL_JSON) : p;
  } catch {
    throw new ModelFileError(`${p} does not exist.`);
  }
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ModelFileError(
      code === 'ENOENT' ? `${path} does not exist.` : `${path} cannot be read: ${errorMessage(e)}`,
    );
  }
  try {
    return parseJsonText(text);
  } catch (e) {
    if (e instanceof JsonTextError) throw new ModelFileError(`${path}: ${e.message}.`);
    throw e;
  }
}

/** True when the model.json lists weights (as opposed to a bare topology). */
export function hasWeightsManifest(json: unknown): json is tf.io.ModelJSON {
  const m = (json as { weightsManifest?: unknown } | null)?.weightsManifest;
  return Array.isArray(m) && m.length > 0;
}

/**
 * The artifacts of the model at `path` (a folder holding model.json, or the model.json itself),
 * weights read from the files its manifest names, relative to it.
 *
 * @throws ModelFileError naming the missing or broken file
 */
export async function readTfjsArtifacts(path: string): Promise<tf.io.ModelArtifacts> {
  const file = await modelJsonPath(path);
  const json = await readJson(file);
  if (typeof json !== 'object' || json === null || !('modelTopology' in json))
    throw new ModelFileError(`${file} is not a TensorFlow.js model: it has no "modelTopology".`);
  const model = json as tf.io.ModelJSON;
  if (!hasWeightsManifest(model))
    return tf.io.getModelArtifactsForJSON(model, () => Promise.resolve([[], new ArrayBuffer(0)]));
  return tf.io.getModelArtifactsForJSON(model, async (manifest) => {
    const specs: tf.io.WeightsManifestEntry[] = [];
    const buffers: ArrayBuffer[] = [];
    for (const group of manifest) {
      specs.push(...group.weights);
      for (const p of group.paths) {
        const weightsFile = join(dirname(file), p);
        try {
          const bytes = await readFile(weightsFile);
          buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
        } catch {
          throw new ModelFileError(
            `${file} refers to the weights file ${weightsFile}, which is missing or unreadable. Copy it next to model.json.`,
          );
        }
      }
    }
    return [specs, tf.io.concatenateArrayBuffers(buffers)];
  });
}

/** A tfjs IOHandler that loads the model at `path` from disk. */
export function fileSystemHandler(path: string): tf.io.IOHandler {
  return { load: () => readTfjsArtifacts(path) };
}

let routerRegistered = false;

/**
 * Lets `tf.loadLayersModel('file:///…/model.json')` work in this process with plain tfjs. Skipped
 * when another `file://` loader (tfjs-node's) is registered, since tfjs refuses two.
 */
export function registerFileRouter(): void {
  if (routerRegistered) return;
  routerRegistered = true;
  if (tf.io.getLoadHandlers('file:///model.json').length > 0) return;
  // Routers answer null for URLs they do not handle (tfjs's own http router does); the type says
  // IOHandler only.
  const router = (url: string | string[]) => {
    const u = Array.isArray(url) ? url[0] : url;
    return typeof u === 'string' && u.startsWith('file://')
      ? fileSystemHandler(decodeURIComponent(u.slice('file://'.length)))
      : null;
  };
  tf.io.registerLoadRouter(router as Parameters<typeof tf.io.registerLoadRouter>[0]);
}

/**
 * Loads a trained tfjs model (topology, weights and, when saved, its compile settings) to predict
 * with or to keep training.
 *
 * @param path - a folder holding model.json, or the model.json file
 * @throws ModelFileError when a file is missing or broken, or tfjs cannot build the model
 */
export async function loadTrainedModel(path: string): Promise<tf.LayersModel> {
  const artifacts = await readTfjsArtifacts(path);
  registerKerasLayers();
  try {
    return await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (e) {
    throw new ModelFileError(
      `TensorFlow.js cannot load ${await modelJsonPath(path)}: ${errorMessage(e)}`,
    );
  }
}
