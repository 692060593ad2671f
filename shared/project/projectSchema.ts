import { z } from 'zod';
import { MAX_AUGMENTATION_FACTOR } from '../training/augmentation';
import { datasetRefSchema } from '../training/datasetRef';
import { LOSSES, MONITORS, OPTIMIZERS } from '../training/settings';
import { TASKS } from '../training/task';

const finite = z.number().finite();
const paramValue = z.union([
  finite,
  z.string().max(200),
  z.boolean(),
  z.null(),
  z.array(finite).max(16),
]);

const layerNode = z.object({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  params: z.record(z.string().max(100), paramValue),
  position: z.object({ x: finite, y: finite }),
});

const edge = z.object({
  id: z.string().min(1).max(400),
  source: z.string().min(1).max(200),
  target: z.string().min(1).max(200),
});

const training = z.object({
  // Files written before tasks existed train classifiers, as they always did.
  task: z.enum(TASKS).default('classify'),
  optimizer: z.enum(OPTIMIZERS),
  learningRate: z.number().positive().max(10),
  momentum: z.number().min(0).max(1),
  loss: z.enum(LOSSES),
  batchSize: z.number().int().min(1).max(65536),
  epochs: z.number().int().min(1).max(10000),
  validationSplit: z.number().min(0).lt(1),
  shuffle: z.boolean(),
  seed: z.number().int(),
  earlyStopping: z
    .object({ monitor: z.enum(MONITORS), patience: z.number().int().min(0).max(1000) })
    .nullable(),
  keepBest: z.boolean(),
  limit: z.number().int().min(1).nullable(),
  augmentation: z
    .object({
      shift: z.number().min(0).max(MAX_AUGMENTATION_FACTOR),
      rotation: z.number().min(0).max(MAX_AUGMENTATION_FACTOR),
      zoom: z.number().min(0).max(MAX_AUGMENTATION_FACTOR),
      flip: z.boolean(),
    })
    .optional(),
});

/** The zod schema of a current-version project file; the TypeScript type lives in projectFile.ts. */
export const projectSchema = z.object({
  format: z.literal('netcanvas-project'),
  version: z.literal(1),
  name: z.string().max(200),
  graph: z.object({ nodes: z.array(layerNode).max(5000), edges: z.array(edge).max(20000) }),
  dataset: datasetRefSchema,
  training,
  viewport: z.object({ x: finite, y: finite, zoom: z.number().positive() }).optional(),
  /** Checked by `validateChallenge` (shared/challenges), which names paths under `challenge.`. */
  challenge: z.unknown().optional(),
});

export const trainingSchema = training;

/** The graph part of a project file (a challenge's starting network uses it too). */
export const graphSchema = projectSchema.shape.graph;
