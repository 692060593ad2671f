import { describe, expect, it } from 'vitest';
import { stackGraph } from '../templates/stackGraph';
import type { Graph } from './types';
import { inferGraph } from './inferGraph';

const IMG = ['InputLayer', { shape: [28, 28, 1] }] as const;

describe('inferGraph: Keras shapes and counts', () => {
  const cases: [string, Parameters<typeof stackGraph>[0], (number | null)[], number][] = [
    ['Conv2D 3x3 valid', [IMG, ['Conv2D', { filters: 32 }]], [null, 26, 26, 32], 320],
    [
      'Conv2D 3x3 same',
      [IMG, ['Conv2D', { filters: 32, padding: 'same' }]],
      [null, 28, 28, 32],
      320,
    ],
    [
      'Conv2D same stride 2 on odd size rounds up',
      [
        ['InputLayer', { shape: [7, 7, 3] }],
        ['Conv2D', { filters: 4, padding: 'same', strides: 2 }],
      ],
      [null, 4, 4, 4],
      112,
    ],
    [
      'Conv2D valid stride 2 rounds down',
      [
        ['InputLayer', { shape: [7, 7, 3] }],
        ['Conv2D', { filters: 4, strides: 2 }],
      ],
      [null, 3, 3, 4],
      112,
    ],
    [
      'Conv2D dilation 2',
      [IMG, ['Conv2D', { filters: 8, dilation_rate: 2 }]],
      [null, 24, 24, 8],
      80,
    ],
    [
      'Conv2D non-square kernel and strides',
      [
        ['InputLayer', { shape: [32, 20, 3] }],
        ['Conv2D', { filters: 5, kernel_size: [5, 3], strides: [2, 1] }],
      ],
      [null, 14, 18, 5],
      230,
    ],
    [
      'Conv2D without bias',
      [IMG, ['Conv2D', { filters: 32, use_bias: false }]],
      [null, 26, 26, 32],
      288,
    ],
    [
      'MaxPooling2D strides default to pool size',
      [
        ['InputLayer', { shape: [26, 26, 32] }],
        ['MaxPooling2D', { pool_size: 3 }],
      ],
      [null, 8, 8, 32],
      0,
    ],
    [
      'MaxPooling2D same rounds up',
      [
        ['InputLayer', { shape: [25, 25, 8] }],
        ['MaxPooling2D', { padding: 'same' }],
      ],
      [null, 13, 13, 8],
      0,
    ],
    [
      'AveragePooling2D with stride 1',
      [
        ['InputLayer', { shape: [10, 10, 2] }],
        ['AveragePooling2D', { strides: 1 }],
      ],
      [null, 9, 9, 2],
      0,
    ],
    [
      'GlobalAveragePooling2D',
      [['InputLayer', { shape: [7, 7, 64] }], ['GlobalAveragePooling2D']],
      [null, 64],
      0,
    ],
    ['Flatten', [IMG, ['Flatten']], [null, 784], 0],
    [
      'Dense on a vector',
      [
        ['InputLayer', { shape: [784] }],
        ['Dense', { units: 128 }],
      ],
      [null, 128],
      100480,
    ],
    [
      'Dense on rank 3 acts on the last axis',
      [
        ['InputLayer', { shape: [5, 7] }],
        ['Dense', { units: 3 }],
      ],
      [null, 5, 3],
      24,
    ],
    [
      'BatchNormalization',
      [['InputLayer', { shape: [8, 8, 16] }], ['BatchNormalization']],
      [null, 8, 8, 16],
      64,
    ],
    [
      'Reshape with -1',
      [
        ['InputLayer', { shape: [784] }],
        ['Reshape', { target_shape: [-1, 28, 1] }],
      ],
      [null, 28, 28, 1],
      0,
    ],
  ];
  it.each(cases)('%s', (_title, layers, shape, params) => {
    const r = inferGraph(stackGraph(layers));
    const last = r.nodes.get(r.order[r.order.length - 1] ?? '');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(last?.outputShape).toEqual(shape);
    expect(r.totals.total).toBe(params);
  });

  it('counts BatchNormalization weights as Keras: half non-trainable', () => {
    const r = inferGraph(
      stackGraph([['InputLayer', { shape: [4, 4, 10] }], ['BatchNormalization']]),
    );
    expect(r.totals).toEqual({ trainable: 20, nonTrainable: 20, total: 40 });
  });

  it('gives the 121,930 parameters of the tutorial CNN with every shape', () => {
    const r = inferGraph(
      stackGraph([
        IMG,
        ['Conv2D', { filters: 32, activation: 'relu' }],
        ['MaxPooling2D'],
        ['Conv2D', { filters: 64, activation: 'relu' }],
        ['MaxPooling2D'],
        ['Flatten'],
        ['Dense', { units: 64, activation: 'relu' }],
        ['Dense', { units: 10, activation: 'softmax' }],
      ]),
      { classes: 10 },
    );
    expect(r.order.map((id) => r.nodes.get(id)?.outputShape)).toEqual([
      [null, 28, 28, 1],
      [null, 26, 26, 32],
      [null, 13, 13, 32],
      [null, 11, 11, 64],
      [null, 5, 5, 64],
      [null, 1600],
      [null, 64],
      [null, 10],
    ]);
    expect(r.totals.total).toBe(121930);
    expect(r.issues).toEqual([]);
  });
});

const graph = (
  nodes: [string, string, Record<string, unknown>?][],
  edges: [string, string][],
): Graph => ({
  nodes: nodes.map(([id, type, params]) => ({
    id,
    type,
    name: id,
    params: (params ?? {}) as never,
    position: { x: 0, y: 0 },
  })),
  edges: edges.map(([s, t], i) => ({ id: `e${i}`, source: s, target: t })),
});

describe('inferGraph: branches and merges', () => {
  it('adds a residual branch when the shapes match', () => {
    const g = graph(
      [
        ['in', 'InputLayer', { shape: [8, 8, 16] }],
        ['c1', 'Conv2D', { filters: 16, padding: 'same' }],
        ['add', 'Add'],
      ],
      [
        ['in', 'c1'],
        ['c1', 'add'],
        ['in', 'add'],
      ],
    );
    const r = inferGraph(g);
    expect(r.nodes.get('add')?.outputShape).toEqual([null, 8, 8, 16]);
    expect(r.ok).toBe(true);
  });

  it('stretches a size of 1 when adding, as Keras broadcasts', () => {
    const g = graph(
      [
        ['in', 'InputLayer', { shape: [8, 8, 16] }],
        ['c1', 'Conv2D', { filters: 1, padding: 'same' }],
        ['add', 'Add'],
      ],
      [
        ['in', 'c1'],
        ['c1', 'add'],
        ['in', 'add'],
      ],
    );
    const r = inferGraph(g);
    expect(r.nodes.get('add')?.outputShape).toEqual([null, 8, 8, 16]);
    expect(r.ok).toBe(true);
  });

  it('concatenates channels of two branches in edge order', () => {
    const g = graph(
      [
        ['in', 'InputLayer', { shape: [8, 8, 3] }],
        ['a', 'Conv2D', { filters: 4, padding: 'same' }],
        ['b', 'MaxPooling2D', { strides: 1, padding: 'same' }],
        ['cat', 'Concatenate'],
      ],
      [
        ['in', 'a'],
        ['in', 'b'],
        ['a', 'cat'],
        ['b', 'cat'],
      ],
    );
    expect(inferGraph(g).nodes.get('cat')?.outputShape).toEqual([null, 8, 8, 7]);
  });

  it('explains shapes that cannot be added, naming both layers and shapes', () => {
    const g = graph(
      [
        ['in', 'InputLayer', { shape: [8, 8, 16] }],
        ['c1', 'Conv2D', { filters: 16 }],
        ['add', 'Add'],
      ],
      [
        ['in', 'c1'],
        ['c1', 'add'],
        ['in', 'add'],
      ],
    );
    const issue = inferGraph(g).issues.find((i) => i.code === 'shapesDoNotMatch');
    expect(issue?.nodeId).toBe('add');
    expect(issue?.message).toContain('(None, 6, 6, 16)');
    expect(issue?.message).toContain('(None, 8, 8, 16)');
  });

  it('reports a loop on every layer in it, and nothing downstream piles up', () => {
    const g = graph(
      [
        ['in', 'InputLayer', { shape: [4] }],
        ['a', 'Dense'],
        ['b', 'Dense'],
        ['c', 'Dense'],
      ],
      [
        ['in', 'a'],
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'c'],
      ],
    );
    const r = inferGraph(g);
    const cycles = r.issues.filter((i) => i.code === 'cycle');
    expect(cycles.map((i) => i.nodeId).sort()).toEqual(['a', 'b']);
    expect(cycles[0]?.message).toMatch(/'a' → 'b' → 'a'/);
    expect(r.nodes.get('c')?.issues).toEqual([]);
    expect(r.ok).toBe(false);
  });
});

describe('inferGraph: teaching errors and warnings', () => {
  it('warns when Dense follows a conv layer and offers to insert Flatten', () => {
    const r = inferGraph(stackGraph([IMG, ['Conv2D', { filters: 8 }], ['Dense', { units: 10 }]]));
    const w = r.issues.find((i) => i.code === 'denseOnImage');
    expect(w?.severity).toBe('warning');
    expect(w?.message).toContain("Dense 'dense' receives (None, 26, 26, 8) from 'conv2d'");
    expect(w?.fix).toEqual({
      kind: 'insertBetween',
      label: 'Insert Flatten',
      sourceId: 'conv2d',
      targetId: 'dense',
      layer: { type: 'Flatten', params: {} },
    });
    expect(r.nodes.get('dense')?.outputShape).toEqual([null, 26, 26, 10]);
  });

  it('refuses Conv2D on a flat vector and offers a Reshape to a square image', () => {
    const r = inferGraph(stackGraph([['InputLayer', { shape: [784] }], ['Conv2D']]));
    const e = r.issues.find((i) => i.code === 'needsImage');
    expect(e?.severity).toBe('error');
    expect(e?.message).toContain('flat vector of 784 numbers');
    expect(e?.fix).toMatchObject({
      kind: 'insertBetween',
      layer: { type: 'Reshape', params: { target_shape: [28, 28, 1] } },
    });
  });

  it('refuses a kernel larger than its input under valid padding, with the sizes', () => {
    const r = inferGraph(
      stackGraph([
        ['InputLayer', { shape: [4, 4, 1] }],
        ['Conv2D', { kernel_size: 5 }],
      ]),
    );
    const e = r.issues.find((i) => i.code === 'kernelTooLarge');
    expect(e?.message).toBe(
      "Conv2D 'conv2d': its 5×5 window does not fit in its 4×4 input with padding 'valid': the input must be at least 5×5.",
    );
    expect(e?.fix).toMatchObject({ kind: 'setParam', param: 'padding', value: 'same' });
  });

  it.each([
    ['negative filters', { filters: -3 }, 'filters must be at least 1, got -3'],
    [
      'non-numeric kernel',
      { kernel_size: 'big' },
      'kernel_size must be a whole number or two of them, like 3 or (3, 3), got "big"',
    ],
    ['fractional filters', { filters: 2.5 }, 'filters must be a whole number, got 2.5'],
    ['unknown padding', { padding: 'full' }, 'padding must be one of valid, same; got "full"'],
  ])('explains bad parameters: %s', (_t, params, text) => {
    const r = inferGraph(stackGraph([IMG, ['Conv2D', params]]));
    expect(r.issues.map((i) => i.message)).toContain(`Conv2D 'conv2d': ${text}.`);
  });

  it('names unknown parameters and offers to remove them', () => {
    const r = inferGraph(stackGraph([IMG, ['Flatten', { units: 3 }]]));
    expect(r.issues[0]).toMatchObject({
      code: 'unknownParam',
      fix: { kind: 'removeParam', param: 'units' },
    });
  });

  it('reports layers with no input, too many inputs, and a missing Input block', () => {
    const r = inferGraph(
      graph(
        [
          ['a', 'Dense'],
          ['b', 'Dense'],
          ['c', 'Dense'],
        ],
        [
          ['a', 'c'],
          ['b', 'c'],
        ],
      ),
    );
    const codes = r.issues.map((i) => `${i.code}:${i.nodeId ?? '-'}`);
    expect(codes).toEqual(
      expect.arrayContaining(['missingInput:a', 'missingInput:b', 'noInput:-']),
    );
    const r2 = inferGraph(
      graph(
        [
          ['in', 'InputLayer', { shape: [3] }],
          ['a', 'Dense'],
          ['c', 'Dense'],
        ],
        [
          ['in', 'a'],
          ['in', 'c'],
          ['a', 'c'],
        ],
      ),
    );
    expect(r2.issues.find((i) => i.code === 'tooManyInputs')?.message).toBe(
      "Dense 'c' takes one input, but 2 are connected ('in', 'a').",
    );
  });

  it('warns about softmax before the last layer, the class count, and 1x1 outputs', () => {
    const r = inferGraph(
      stackGraph([
        ['InputLayer', { shape: [4, 4, 1] }],
        ['MaxPooling2D', { pool_size: 4 }],
        ['Flatten'],
        ['Dense', { units: 8, activation: 'softmax' }],
        ['Dense', { units: 3 }],
      ]),
      { classes: 10 },
    );
    expect(r.issues.map((i) => i.code).sort()).toEqual([
      'classCountMismatch',
      'outputShrinksToOne',
      'softmaxNotLast',
    ]);
    expect(r.issues.find((i) => i.code === 'classCountMismatch')?.fix).toMatchObject({
      param: 'units',
      value: 10,
    });
    expect(r.ok).toBe(true);
  });

  it('rejects an unknown layer type and an edge to a missing layer', () => {
    const r = inferGraph({
      nodes: [{ id: 'x', type: 'LSTM', name: 'lstm', params: {}, position: { x: 0, y: 0 } }],
      edges: [{ id: 'e', source: 'x', target: 'ghost' }],
    });
    expect(r.issues.map((i) => i.code).sort()).toEqual(['badEdge', 'noInput', 'unknownLayer']);
  });

  it('refuses sizes no machine can hold, naming the layer and the number, so the total is never ∞', () => {
    const huge = inferGraph(
      stackGraph([
        ['InputLayer', { shape: [784] }],
        ['Dense', { units: 1e308 }],
      ]),
    );
    expect(huge.ok).toBe(false);
    expect(huge.issues[0]?.message).toBe(
      "Dense 'dense': units must be at most 2,147,483,647 (TensorFlow's largest size), got 1e+308.",
    );
    expect(Number.isFinite(huge.totals.total)).toBe(true);

    const image = inferGraph(
      stackGraph([['InputLayer', { shape: [1e9, 1e9, 3] }], ['Flatten'], ['Dense', { units: 10 }]]),
    );
    expect(image.ok).toBe(false);
    expect(image.issues[0]).toMatchObject({ code: 'tooLarge', nodeId: 'input_layer' });
    expect(image.issues[0]?.message).toMatch(
      /^InputLayer 'input_layer' outputs \(None, 1000000000, 1000000000, 3\): 3,000,000,000,000,000,000 numbers for each sample/,
    );
    expect(image.totals.total).toBe(0);

    const wide = inferGraph(
      stackGraph([
        ['InputLayer', { shape: [784] }],
        ['Dense', { units: 2_000_000_000 }],
      ]),
    );
    expect(wide.issues[0]?.message).toMatch(
      /^Dense 'dense' would have 1,570,000,000,000 weights, more than any machine can hold/,
    );
    expect(
      inferGraph(
        stackGraph([
          ['InputLayer', { shape: [1_000_000] }],
          ['Dense', { units: 2000 }],
        ]),
      ).ok,
    ).toBe(true);
  });
});
