// tfjs reads the tfjs-written fixtures here as an independent judge of their parameter counts.
// eslint-disable-next-line no-restricted-imports -- tests may use tfjs; the shipped shared/ code never does
import * as tf from '@tensorflow/tfjs';
// eslint-disable-next-line no-restricted-imports -- the plain-JS backend, so the test runs anywhere
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
// eslint-disable-next-line no-restricted-imports -- the test reads its fixture files; shared/ code itself never touches the disk
import { readdirSync, readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- as above
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inferGraph } from '../graph/inferGraph';
import type { Graph } from '../graph/types';
import { arbitraryGraph } from './fixtures/arbitraryGraph';
import { netGraph } from '../templates/stackGraph';
import { fromKerasTopology } from './fromKerasTopology';
import { KerasExportError } from './kerasExportError';
import { KerasImportError } from './kerasImportError';
import { sequentialChain } from './layerOrder';
import { toKerasTopology, toSequentialTopology } from './toKerasTopology';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const TFJS_FILES = readdirSync(join(FIXTURES, 'tfjs')).filter((f) => f.endsWith('.model.json'));

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Export → import → export → import: the second import must equal the first. */
function expectStableRoundTrip(graph: Graph): void {
  const once = fromKerasTopology(toKerasTopology(graph)).graph;
  expect(fromKerasTopology(toKerasTopology(once)).graph).toEqual(once);
  if (sequentialChain(once))
    expect(fromKerasTopology(toSequentialTopology(once)).graph).toEqual(once);
}

describe('tfjs-written model.json files of the tutorial networks', () => {
  it('are all there', () => {
    expect(TFJS_FILES.sort()).toEqual(
      [
        'cifar10-cnn',
        'cnn-30-70',
        'cnn-dropout',
        'cnn-same',
        'cnn-valid',
        'hotdog-cnn',
        'mlp',
        'resnet-block',
      ].map((id) => `${id}.model.json`),
    );
  });

  it.each(TFJS_FILES)(
    '%s: same counts as tfjs, and import → export → import gives the same graph',
    async (file) => {
      const json = readJson(join(FIXTURES, 'tfjs', file)) as { modelTopology: object };
      const model = await tf.models.modelFromJSON(
        json.modelTopology as Parameters<typeof tf.models.modelFromJSON>[0],
      );
      const imported = fromKerasTopology(json);
      const report = inferGraph(imported.graph);
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(report.totals.total).toBe(model.countParams());
      for (const layer of model.layers) {
        const node = imported.graph.nodes.find((n) => n.name === layer.name);
        expect(report.nodes.get(node?.id ?? '')?.outputShape, layer.name).toEqual(
          layer.outputShape,
        );
      }
      model.dispose();
      const again = fromKerasTopology(toKerasTopology(imported.graph));
      expect(again.graph).toEqual(imported.graph);
      if (imported.form === 'sequential')
        expect(fromKerasTopology(toSequentialTopology(imported.graph)).graph).toEqual(
          imported.graph,
        );
    },
  );
});

/** Hand-written in the exact forms Keras writes; totals worked out by hand from Keras's formulas. */
const KERAS_FIXTURES: [
  file: string,
  form: 'sequential' | 'functional',
  total: number,
  nonTrainable: number,
][] = [
  // conv 3·3·1·32+32 = 320, conv 3·3·32·64+64 = 18,496, dense 1600·64+64 = 102,464, dense 650
  ['keras2-cnn-valid.json', 'sequential', 121_930, 0],
  // conv 160, BN 4·16 (half moving statistics), conv 2,320, dense 170
  ['keras2-functional-residual.json', 'functional', 2_714, 32],
  // conv 320, conv 18,496, dense 1600·10+10 = 16,010
  ['keras3-cnn-dropout.config.json', 'sequential', 34_826, 0],
  // conv 1×1 3·8+8 = 32, conv 3×3 27·8+8 = 224, dense 4096·10+10 = 40,970
  ['keras3-functional-inception.config.json', 'functional', 41_226, 0],
];

describe('Keras 2 to_json() and Keras 3 config.json', () => {
  it.each(KERAS_FIXTURES)(
    '%s reads as a %s model with %i parameters (%i non-trainable)',
    (file, form, total, nonTrainable) => {
      const imported = fromKerasTopology(readJson(join(FIXTURES, 'keras', file)));
      expect(imported.form).toBe(form);
      const report = inferGraph(imported.graph);
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(report.totals).toEqual({ total, trainable: total - nonTrainable, nonTrainable });
      expectStableRoundTrip(imported.graph);
    },
  );

  it('lays out the blocks top to bottom, branches side by side', () => {
    const { graph } = fromKerasTopology(
      readJson(join(FIXTURES, 'keras', 'keras3-functional-inception.config.json')),
    );
    const at = (name: string) => graph.nodes.find((n) => n.name === name)?.position;
    expect(at('conv2d')?.y).toBe(at('conv2d_1')?.y);
    expect(at('conv2d')?.x).not.toBe(at('conv2d_1')?.x);
    expect(at('input_layer')?.y).toBeLessThan(at('conv2d')?.y ?? 0);
    expect(at('concatenate')?.y).toBeGreaterThan(at('conv2d')?.y ?? 0);
  });
});

describe('round trip of generated graphs', () => {
  it('export → import → export → import is stable for 200 valid random networks', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbitraryGraph, (graph) => {
        if (!inferGraph(graph).ok) return;
        checked++;
        expectStableRoundTrip(graph);
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(checked).toBeGreaterThan(150);
  });
});

describe("a Reshape's -1", () => {
  const flattenThenReshape = (features: number) =>
    netGraph([
      ['in', 'InputLayer', { shape: [features, 1, 1] }],
      ['f', 'Flatten'],
      ['r', 'Reshape', { target_shape: [-1, 2] }],
    ]);

  it('is exported as the size it resolves to, which tfjs 4.22 cannot work out itself', () => {
    const layer = toKerasTopology(flattenThenReshape(4)).config.layers.find(
      (l) => l.class_name === 'Reshape',
    );
    expect(layer?.config.target_shape).toEqual([2, 2]);
  });

  it('that cannot resolve (1 feature into pairs) stops the export with the reason', () => {
    expect(() => toKerasTopology(flattenThenReshape(1))).toThrow(KerasExportError);
    expect(() => toKerasTopology(flattenThenReshape(1))).toThrow(
      /cannot turn \(None, 1\) \(1 numbers\) into \(-1, 2\)/,
    );
  });
});

const sequential = (layers: unknown[]) => ({
  class_name: 'Sequential',
  config: { name: 'sequential', layers },
});
const input = {
  class_name: 'InputLayer',
  config: { name: 'input_1', batch_input_shape: [null, 4] },
};

describe('import errors name the layer and the place', () => {
  const cases: [title: string, json: unknown, message: string][] = [
    [
      'unknown layer class',
      sequential([input, { class_name: 'LSTM', config: { name: 'lstm', units: 4 } }]),
      'layers[1] (lstm): unknown layer class "LSTM"',
    ],
    [
      'missing inbound layer',
      {
        class_name: 'Functional',
        config: {
          name: 'model',
          layers: [
            { ...input, name: 'input_1', inbound_nodes: [] },
            {
              class_name: 'Dense',
              name: 'dense',
              config: { name: 'dense', units: 2 },
              inbound_nodes: [[['input_2', 0, 0, {}]]],
            },
          ],
          input_layers: [['input_1', 0, 0]],
          output_layers: [['dense', 0, 0]],
        },
      },
      'layers[1].inbound_nodes[0][0] (dense): refers to missing layer "input_2"',
    ],
    [
      'non-numeric size',
      sequential([input, { class_name: 'Dense', config: { name: 'dense', units: 'ten' } }]),
      'layers[1].config.units (dense): expected',
    ],
    [
      'negative size',
      sequential([input, { class_name: 'Dense', config: { name: 'dense', units: -3 } }]),
      'layers[1].config.units (dense): ',
    ],
    [
      'not a model',
      { hello: 'world' },
      'class_name: expected "Sequential", "Functional" or "Model", got nothing',
    ],
    ['no layers', sequential([]), 'layers: the model has no layers'],
  ];
  it.each(cases)('%s', (_title, json, message) => {
    let error: unknown;
    try {
      fromKerasTopology(json);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KerasImportError);
    expect((error as Error).message.startsWith(message), (error as Error).message).toBe(true);
  });

  it('nesting 100,000 arrays deep is refused without overflowing the stack', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() =>
      fromKerasTopology({ modelTopology: { class_name: 'Sequential', config: { layers: deep } } }),
    ).toThrow(/nests deeper than 64 levels/);
  });
});
