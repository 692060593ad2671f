import { z } from 'zod';
import { layerDef } from '../layers/catalogue';
import { graphSchema, trainingSchema } from '../project/projectSchema';
import { CHALLENGE_DATASETS } from './challengeFile';

const unknownLayer = (v: string) =>
  `"${v.slice(0, 40)}" is not a layer NetCanvas knows (Keras class names, like Conv2D or Dense)`;

/** A Keras class NetCanvas knows, so a typo ("Conv2d") is reported instead of never matching. */
const layerClass = z
  .string()
  .max(100)
  .superRefine((v, ctx) => {
    if (!layerDef(v)) ctx.addIssue({ code: 'custom', message: unknownLayer(v) });
  });

/** Layer class → the most layers of it; a misspelt class is reported at its own key. */
const layerCounts = z
  .record(z.string().max(100), z.number().int().min(0))
  .superRefine((counts, ctx) => {
    for (const key of Object.keys(counts))
      if (!layerDef(key)) ctx.addIssue({ code: 'custom', path: [key], message: unknownLayer(key) });
  });

const goal = z
  .strictObject({
    dataset: z.enum(CHALLENGE_DATASETS),
    maxParams: z.number().int().min(1).optional(),
    minTestAccuracy: z.number().gt(0).max(1).optional(),
    maxEpochs: z.number().int().min(1).max(10000).optional(),
    requiredLayers: z.array(layerClass).max(50).optional(),
    forbiddenLayers: z.array(layerClass).max(50).optional(),
    maxLayers: layerCounts.optional(),
  })
  .refine((g) => Object.keys(g).length > 1, {
    message:
      'a goal needs at least one condition besides the data set (maxParams, minTestAccuracy, maxEpochs, requiredLayers, forbiddenLayers or maxLayers)',
  });

/** Settings a challenge may fix: the plain ones (not early stopping or augmentation). */
const fixedSettings = trainingSchema
  .pick({
    optimizer: true,
    learningRate: true,
    momentum: true,
    loss: true,
    batchSize: true,
    epochs: true,
    validationSplit: true,
    shuffle: true,
    seed: true,
    keepBest: true,
    limit: true,
  })
  .partial()
  .strict();

/** The zod schema of a current-version challenge file; the TypeScript type lives in challengeFile.ts. */
export const challengeSchema = z.strictObject({
  format: z.literal('netcanvas-challenge'),
  version: z.literal(1),
  title: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  goal,
  start: graphSchema.optional(),
  lockedBlocks: z.array(z.string().min(1).max(200)).max(5000).optional(),
  fixedSettings: fixedSettings.optional(),
  hints: z.array(z.string().min(1).max(1000)).max(20).optional(),
});
