import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inferGraph } from '../graph/inferGraph';
import type { Graph, ParamValue } from '../graph/types';
import { LAYER_TYPES, layerDef } from '../layers/catalogue';
import { stackGraph, type StackLayer } from '../templates/stackGraph';
import { explainGraph } from './explainGraph';
import type { LayerArithmetic } from './explainLayer';
import { evaluateExpression } from './evaluateExpression.testutil';

/** The explanation of the last layer of a stack, with what the graph core inferred for it. */
function explainLast(layers: readonly StackLayer[]) {
  const graph = stackGraph(layers);
  const report = inferGraph(graph);
  const last = graph.nodes.at(-1);
  if (!last) throw new Error('empty stack');
  const node = report.nodes.get(last.id);
  return { arithmetic: explainGraph(graph, report).get(last.id), node };
}

/** Every step's expression evaluates to the result it prints, and the text shows both. */
function expectArithmeticHolds(a: LayerArithmetic) {
  for (const s of [...a.shapeSteps, ...a.paramSteps]) {
    expect(evaluateExpression(s.expression), `${s.what}: ${s.expression}`).toBe(s.result);
    expect(a.text).toContain(s.text);
    if (s.text.includes(' = '))
      expect(s.text.endsWith(`= ${s.result.toLocaleString('en-US')}`)).toBe(true);
  }
}

const byWhat = (a: LayerArithmetic, what: string) => a.shapeSteps.find((s) => s.what === what);
const total = (a: LayerArithmetic) => a.paramSteps.find((s) => s.what === 'parameters')?.result;

describe('explainLayer: the examples a learner meets first', () => {
  const cases: [string, StackLayer[], string[]][] = [
    [
      'Conv2D valid 28x28x1 → 26x26x32',
      [
        ['InputLayer', { shape: [28, 28, 1] }],
        ['Conv2D', { filters: 32, kernel_size: [3, 3] }],
      ],
      ['floor((28 − 3 + 0) / 1) + 1 = 26', '(3 × 3 × 1 + 1) × 32 = 320', '28×28×1 → 26×26×32'],
    ],
    [
      'Conv2D same stride 2',
      [
        ['InputLayer', { shape: [28, 28, 1] }],
        ['Conv2D', { filters: 8, padding: 'same', strides: [2, 2] }],
      ],
      ['ceil(28 / 2) = 14'],
    ],
    [
      'Conv2D dilation 2',
      [
        ['InputLayer', { shape: [28, 28, 3] }],
        ['Conv2D', { filters: 4, dilation_rate: [2, 2] }],
      ],
      ['(3 − 1) × 2 + 1 = 5', 'floor((28 − 5 + 0) / 1) + 1 = 24', '(3 × 3 × 3 + 1) × 4 = 112'],
    ],
    [
      'MaxPooling2D default strides',
      [['InputLayer', { shape: [26, 26, 32] }], ['MaxPooling2D']],
      ['floor((26 − 2 + 0) / 2) + 1 = 13', 'strides default to pool_size'],
    ],
    ['Flatten', [['InputLayer', { shape: [5, 5, 64] }], ['Flatten']], ['5 × 5 × 64 = 1,600']],
    [
      'Dense 784 → 128',
      [
        ['InputLayer', { shape: [784] }],
        ['Dense', { units: 128 }],
      ],
      ['784 × 128 weights + 128 biases = 100,480'],
    ],
    [
      'Dense on an image',
      [
        ['InputLayer', { shape: [4, 4, 8] }],
        ['Dense', { units: 3 }],
      ],
      ['last axis only (8 → 3)', '8 × 3 weights + 3 biases = 27', '4×4×8 → 4×4×3'],
    ],
    [
      'BatchNormalization',
      [['InputLayer', { shape: [26, 26, 32] }], ['BatchNormalization']],
      ['2 × 32 = 64', '64 + 64 = 128', 'moving mean and variance'],
    ],
  ];
  it.each(cases)('%s', (_title, layers, expected) => {
    const { arithmetic } = explainLast(layers);
    if (!arithmetic) throw new Error('no explanation');
    for (const e of expected) expect(arithmetic.text).toContain(e);
    expectArithmeticHolds(arithmetic);
  });

  it('explains Concatenate and Add with the numbers of both branches', () => {
    const nodes: Graph['nodes'] = [
      {
        id: 'in',
        type: 'InputLayer',
        name: 'in',
        params: { shape: [8, 8, 3] },
        position: { x: 0, y: 0 },
      },
      {
        id: 'a',
        type: 'Conv2D',
        name: 'a',
        params: { filters: 16, padding: 'same' },
        position: { x: 0, y: 0 },
      },
      {
        id: 'b',
        type: 'Conv2D',
        name: 'b',
        params: { filters: 16, padding: 'same' },
        position: { x: 0, y: 0 },
      },
      { id: 'cat', type: 'Concatenate', name: 'cat', params: {}, position: { x: 0, y: 0 } },
      { id: 'add', type: 'Add', name: 'add', params: {}, position: { x: 0, y: 0 } },
    ];
    const edges = [
      ['in', 'a'],
      ['in', 'b'],
      ['a', 'cat'],
      ['b', 'cat'],
      ['a', 'add'],
      ['b', 'add'],
    ].map(([source = '', target = ''], i) => ({ id: `e${i}`, source, target }));
    const graph: Graph = { nodes, edges };
    const ex = explainGraph(graph, inferGraph(graph));
    expect(ex.get('cat')?.text).toContain('16 + 16 = 32');
    expect(ex.get('cat')?.transition).toBe('8×8×16 + 8×8×16 → 8×8×32');
    expect(ex.get('add')?.text).toContain('8×8×16 (unchanged)');
    expect(ex.get('add')?.trainable).toBe(0);
  });

  it('leaves out blocks the graph core could not infer', () => {
    const { arithmetic, node } = explainLast([
      ['InputLayer', { shape: [2, 2, 1] }],
      ['Conv2D', { kernel_size: [5, 5] }],
    ]);
    expect(node?.outputShape).toBeUndefined();
    expect(arithmetic).toBeUndefined();
  });
});

describe('every layer in the catalogue explains itself', () => {
  /** The layer fed by one input (or, for a merge, by the same input twice), on the first input shape it accepts. */
  function explainOwn(type: string) {
    for (const shape of [[8, 8, 3], [784], [12]]) {
      const merge = (layerDef(type)?.inputs.min ?? 1) > 1;
      const nodes: Graph['nodes'] = [
        { id: 'in', type: 'InputLayer', name: 'in', params: { shape }, position: { x: 0, y: 0 } },
        { id: 'l', type, name: 'l', params: {}, position: { x: 0, y: 0 } },
      ];
      const sources = type === 'InputLayer' ? [] : merge ? ['in', 'in'] : ['in'];
      const graph: Graph = {
        nodes: type === 'InputLayer' ? nodes.slice(1) : nodes,
        edges: sources.map((source, i) => ({ id: `e${i}`, source, target: 'l' })),
      };
      const report = inferGraph(graph);
      const node = report.nodes.get('l');
      const arithmetic = explainGraph(graph, report).get('l');
      if (arithmetic && node?.params) return { arithmetic, count: node.params };
    }
    throw new Error(`${type} could not be inferred on any sample input`);
  }

  it.each(LAYER_TYPES)(
    '%s: its steps add up to the inferred count and name their layer',
    (type) => {
      const { arithmetic, count } = explainOwn(type);
      expectArithmeticHolds(arithmetic);
      expect(arithmetic.type).toBe(type);
      expect(arithmetic.text.startsWith(`${type} `)).toBe(true);
      expect(total(arithmetic)).toBe(count.trainable + count.nonTrainable);
      expect(arithmetic.paramSteps.at(-1)?.what).toBe('parameters');
    },
  );
});

const side = fc.integer({ min: 1, max: 64 });
const small = fc.integer({ min: 1, max: 7 });
const padding = fc.constantFrom('valid', 'same');

describe('explainLayer agrees with the graph core for many settings', () => {
  it('Conv2D: every step adds up and matches the inferred shape and count', () => {
    fc.assert(
      fc.property(
        side,
        side,
        fc.integer({ min: 1, max: 8 }),
        small,
        small,
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        padding,
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        (h, w, c, kh, kw, s, d, strideNotDilation, pad, filters, useBias) => {
          const params: Record<string, ParamValue> = {
            filters,
            kernel_size: [kh, kw],
            padding: pad,
            use_bias: useBias,
            strides: strideNotDilation ? [s, 1] : [1, 1],
            dilation_rate: strideNotDilation ? [1, 1] : [d, d],
          };
          const { arithmetic, node } = explainLast([
            ['InputLayer', { shape: [h, w, c] }],
            ['Conv2D', params],
          ]);
          if (!node?.outputShape || !node.params) {
            expect(arithmetic).toBeUndefined();
            return;
          }
          if (!arithmetic) throw new Error('missing explanation');
          expectArithmeticHolds(arithmetic);
          expect(byWhat(arithmetic, 'height')?.result).toBe(node.outputShape[1]);
          expect(byWhat(arithmetic, 'width')?.result).toBe(node.outputShape[2]);
          expect(byWhat(arithmetic, 'channels')?.result).toBe(node.outputShape[3]);
          expect(total(arithmetic)).toBe(node.params.trainable);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pooling: every step adds up and matches the inferred shape', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('MaxPooling2D', 'AveragePooling2D'),
        side,
        side,
        small,
        small,
        fc.option(fc.tuple(small, small), { nil: null }),
        padding,
        (type, h, w, ph, pw, strides, pad) => {
          const { arithmetic, node } = explainLast([
            ['InputLayer', { shape: [h, w, 3] }],
            [type, { pool_size: [ph, pw], strides: strides ? [...strides] : null, padding: pad }],
          ]);
          if (!node?.outputShape) {
            expect(arithmetic).toBeUndefined();
            return;
          }
          if (!arithmetic) throw new Error('missing explanation');
          expectArithmeticHolds(arithmetic);
          expect(byWhat(arithmetic, 'height')?.result).toBe(node.outputShape[1]);
          expect(byWhat(arithmetic, 'width')?.result).toBe(node.outputShape[2]);
          expect(total(arithmetic)).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('Flatten, Dense and BatchNormalization: counts match for any input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 300 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (dims, units, useBias, center, scale) => {
          const input: StackLayer = ['InputLayer', { shape: dims }];
          const flat = explainLast([input, ['Flatten']]);
          const dense = explainLast([input, ['Dense', { units, use_bias: useBias }]]);
          const bn = explainLast([input, ['BatchNormalization', { center, scale }]]);
          for (const { arithmetic, node } of [flat, dense, bn]) {
            if (!arithmetic || !node?.params || !node.outputShape)
              throw new Error('missing explanation');
            expectArithmeticHolds(arithmetic);
            expect(total(arithmetic)).toBe(node.params.trainable + node.params.nonTrainable);
            const dims = node.outputShape.slice(1).map((d) => d ?? 0);
            // Flatten and Dense name the new last axis; BatchNormalization keeps the whole shape.
            expect(arithmetic.shapeSteps[0]?.result).toBe(
              arithmetic.type === 'BatchNormalization'
                ? dims.reduce((x, y) => x * y, 1)
                : dims.at(-1),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
