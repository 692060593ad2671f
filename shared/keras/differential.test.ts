// This test builds models with tfjs on purpose: it checks shared/'s arithmetic against tfjs's own.
// eslint-disable-next-line no-restricted-imports -- tests may use tfjs; the shipped shared/ code never does
import * as tf from '@tensorflow/tfjs';
// eslint-disable-next-line no-restricted-imports -- the plain-JS backend, so the test runs anywhere
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerKerasLayers } from '../../main/training/kerasLayersForTfjs';
// Keras's SpatialDropout2D, which tfjs 4.22 lacks, registered as training registers it.
import '../../main/training/spatialDropout2d';
import type { IssueCode } from '../graph/issues';
import { inferGraph } from '../graph/inferGraph';
import type { Graph } from '../graph/types';
import { arbitraryGraph } from './fixtures/arbitraryGraph';
import { FIXTURE_GRAPHS } from './fixtures/fixtureGraphs';
import { kerasLayerConfig } from './kerasLayerConfig';
import { sequentialChain } from './layerOrder';
import { toKerasTopology, toSequentialTopology } from './toKerasTopology';

beforeAll(async () => {
  // The Keras layers tfjs lacks (Subtract) or half implements (ReLU, ELU), as training builds them.
  registerKerasLayers();
  await tf.setBackend('cpu');
  await tf.ready();
});

interface LayerFacts {
  readonly shape: readonly (number | null)[];
  readonly trainable: number;
  readonly nonTrainable: number;
}

const count = (ws: readonly tf.LayerVariable[]) =>
  ws.reduce((s, w) => s + w.shape.reduce<number>((a, b) => a * (b ?? 0), 1), 0);

/** Zeros for every model input, two samples each (a batch of one could hide a broadcasting slip). */
const sampleBatch = (model: tf.LayersModel) =>
  model.inputs.map((input) => tf.zeros([2, ...input.shape.slice(1).map((d) => d ?? 1)]));

/**
 * Builds the topology with tfjs's own deserializer, reads back every layer's shape and counts,
 * and runs two samples through it: each model output must have the shape tfjs announced.
 */
async function tfjsFacts(topology: object): Promise<Map<string, LayerFacts>> {
  const model = await tf.models.modelFromJSON(
    topology as Parameters<typeof tf.models.modelFromJSON>[0],
  );
  try {
    const announced = model.outputs.map((o) => [2, ...o.shape.slice(1)]);
    const ran = tf.tidy(() => {
      const out = model.predict(sampleBatch(model));
      return (Array.isArray(out) ? out : [out]).map((t) => t.shape);
    });
    expect(ran).toEqual(announced);
    return new Map(
      model.layers.map((l) => [
        l.name,
        {
          shape: l.outputShape as (number | null)[],
          trainable: count(l.trainableWeights),
          nonTrainable: count(l.nonTrainableWeights),
        },
      ]),
    );
  } finally {
    model.dispose();
  }
}

function inferredFacts(graph: Graph): Map<string, LayerFacts> {
  const report = inferGraph(graph);
  expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return new Map(
    graph.nodes.map((n) => {
      const r = report.nodes.get(n.id);
      return [
        n.name,
        {
          shape: r?.outputShape ?? [],
          trainable: r?.params?.trainable ?? -1,
          nonTrainable: r?.params?.nonTrainable ?? -1,
        },
      ];
    }),
  );
}

/** Every layer, both ways; the sequential form too when the graph is a plain stack. */
async function expectAgreement(graph: Graph): Promise<void> {
  const ours = inferredFacts(graph);
  // tfjs 4.22 lists no layers at all for a functional model whose output is its input; Keras lists
  // the InputLayer. Such a model has nothing to train, so only its Sequential form is compared.
  if (graph.nodes.length > 1)
    expect(Object.fromEntries(await tfjsFacts(toKerasTopology(graph)))).toEqual(
      Object.fromEntries(ours),
    );
  if (sequentialChain(graph))
    expect(Object.fromEntries(await tfjsFacts(toSequentialTopology(graph)))).toEqual(
      Object.fromEntries(ours),
    );
}

/** The functional topology without export's own check, to show tfjs a graph NetCanvas rejects. */
function uncheckedTopology(graph: Graph): object {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const fed = new Set(graph.edges.map((e) => e.source));
  return {
    class_name: 'Model',
    config: {
      name: 'model',
      layers: graph.nodes.map((n) => {
        const sources = graph.edges
          .filter((e) => e.target === n.id)
          .map((e) => [names.get(e.source), 0, 0, {}]);
        return {
          name: n.name,
          ...kerasLayerConfig(n),
          inbound_nodes: sources.length ? [sources] : [],
        };
      }),
      input_layers: graph.nodes.filter((n) => n.type === 'InputLayer').map((n) => [n.name, 0, 0]),
      output_layers: graph.nodes.filter((n) => !fed.has(n.id)).map((n) => [n.name, 0, 0]),
    },
  };
}

/**
 * Errors about sizes, which tfjs must reach too: by throwing while building, by computing a size
 * below 1, or by failing on a real sample (a Reshape with -1 is only checked then: tfjs 4.22
 * leaves -1 unknown while building).
 */
const SHAPE_ERRORS: ReadonlySet<IssueCode> = new Set([
  'kernelTooLarge',
  'shapesDoNotMatch',
  'concatMismatch',
  'reshapeMismatch',
]);

async function tfjsRejects(graph: Graph): Promise<boolean> {
  let model: tf.LayersModel;
  try {
    model = await tf.models.modelFromJSON(
      uncheckedTopology(graph) as Parameters<typeof tf.models.modelFromJSON>[0],
    );
  } catch {
    return true;
  }
  try {
    // A Reshape's -1 stays -1 while tfjs builds; only running a sample shows whether it resolves.
    const tooSmall = model.layers.some((l) =>
      (l.outputShape as (number | null)[]).some(
        (d) => d !== null && d < 1 && !(l.getClassName() === 'Reshape' && d === -1),
      ),
    );
    if (tooSmall) return true;
    tf.tidy(() => model.predict(sampleBatch(model)));
    return false;
  } catch {
    return true;
  } finally {
    model.dispose();
  }
}

describe('NetCanvas and tfjs 4.22 agree on every layer', () => {
  it.each(Object.entries(FIXTURE_GRAPHS))('%s', async (_title, graph) => {
    await expectAgreement(graph);
  });

  it('on random valid stacks and branches, and reject the same invalid ones', async () => {
    let valid = 0;
    let rejected = 0;
    let badReshapes = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryGraph, async (graph) => {
        const report = inferGraph(graph);
        // An Input alone is no model: tfjs lists no layers for it.
        if (graph.nodes.length < 2) return;
        if (report.ok) {
          valid++;
          await expectAgreement(graph);
          return;
        }
        const shapeErrors = report.issues.filter(
          (i) => i.severity === 'error' && SHAPE_ERRORS.has(i.code),
        );
        if (shapeErrors.length === 0) return;
        rejected++;
        if (shapeErrors.some((i) => i.code === 'reshapeMismatch')) badReshapes++;
        expect(await tfjsRejects(graph), shapeErrors.map((i) => i.message).join('\n')).toBe(true);
      }),
      { numRuns: 1000, seed: 20240611 },
    );
    // The generator must actually exercise both sides.
    expect(valid).toBeGreaterThan(400);
    expect(rejected).toBeGreaterThan(250);
    expect(badReshapes).toBeGreaterThan(20);
    // A thousand graphs built and run in tfjs: about a minute on two busy cores, so its own limit.
  }, 240_000);
});
