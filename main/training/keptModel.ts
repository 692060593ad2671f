// A trained run's model kept on disk, so its process can end when idle and a new one can answer
// predict, Insight and export later: the tfjs files plus what those need beyond the weights.
import type * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WeightHistogram } from '../../shared/explain/insightData';
import { parseJsonText } from '../../shared/json/parseJsonText';
import { writeFileAtomic } from '../export/atomicWrite';
import { loadTrainedModel } from '../export/loadTrainedModel';
import { saveTfjsModel } from '../export/saveTfjsModel';

const META_FILE = 'netcanvas-run.json';

/** What predict, Insight and export need besides the weights. */
export interface KeptModelMeta {
  readonly inputShape: readonly number[];
  readonly classNames: readonly string[];
  /** The weights' histograms when training began. */
  readonly histogramsBefore: readonly WeightHistogram[];
}

/** Writes `model` and `meta` into `dir` (each file atomically). */
export async function keepModel(
  model: tf.LayersModel,
  meta: KeptModelMeta,
  dir: string,
): Promise<void> {
  await saveTfjsModel(model, dir);
  await writeFileAtomic(join(dir, META_FILE), JSON.stringify(meta));
}

/** Loads what {@link keepModel} wrote. */
export async function loadKeptModel(
  dir: string,
): Promise<{ model: tf.LayersModel; meta: KeptModelMeta }> {
  const meta = parseJsonText(await readFile(join(dir, META_FILE), 'utf8')) as KeptModelMeta;
  return { model: await loadTrainedModel(dir), meta };
}
