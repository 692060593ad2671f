import { describe, expect, it } from 'vitest';
import { inferGraph } from '../graph/inferGraph';
import type { Graph } from '../graph/types';
import { netGraph } from '../templates/stackGraph';
import { layerNamer } from './layerNamer';
import { mergeShape } from './elementwiseMerge';

const MERGES = ['Add', 'Multiply', 'Average', 'Maximum', 'Minimum', 'Subtract'] as const;

/** `type` on two convolutions of an 8×8×3 image with `a` and `b` filters (b: kernel 3, 'valid' when asked). */
function merge(
  type: string,
  a: number,
  b: number,
  valid = false,
): { graph: Graph; report: ReturnType<typeof inferGraph> } {
  const graph = netGraph([
    ['in', 'InputLayer', { shape: [8, 8, 3] }],
    ['a', 'Conv2D', { filters: a, kernel_size: 1 }, ['in']],
    ['b', 'Conv2D', { filters: b, padding: valid ? 'valid' : 'same' }, ['in']],
    ['m', type, {}, ['a', 'b']],
  ]);
  return { graph, report: inferGraph(graph) };
}

describe('element-wise merges', () => {
  it('are named as Keras names them', () => {
    const name = layerNamer();
    expect(['Multiply', 'Average', 'Maximum', 'Minimum', 'Subtract', 'Multiply'].map(name)).toEqual(
      ['multiply', 'average', 'maximum', 'minimum', 'subtract', 'multiply_1'],
    );
    expect(
      [
        'ReLU',
        'ELU',
        'PReLU',
        'Softmax',
        'Rescaling',
        'GaussianNoise',
        'GaussianDropout',
        'LayerNormalization',
      ].map(name),
    ).toEqual([
      're_lu',
      'elu',
      'p_re_lu',
      'softmax',
      'rescaling',
      'gaussian_noise',
      'gaussian_dropout',
      'layer_normalization',
    ]);
  });

  it.each(MERGES)(
    '%s keeps the common shape and stretches a single channel, with no weights',
    (type) => {
      const { graph, report } = merge(type, 4, 1);
      const node = report.nodes.get(graph.nodes[3]?.id ?? '');
      expect(node?.outputShape).toEqual([null, 8, 8, 4]);
      expect(node?.params).toEqual({ trainable: 0, nonTrainable: 0 });
    },
  );

  it.each(MERGES)('%s refuses shapes that cannot line up, naming both branches', (type) => {
    const { graph, report } = merge(type, 4, 4, true);
    const name = graph.nodes[3]?.name ?? '';
    const verb = {
      Add: 'add',
      Multiply: 'multiply',
      Average: 'average',
      Maximum: 'take the maximum of',
      Minimum: 'take the minimum of',
      Subtract: 'subtract',
    }[type];
    expect(report.issues.find((i) => i.code === 'shapesDoNotMatch')?.message).toBe(
      `${type} '${name}' cannot ${verb} (None, 8, 8, 4) from 'conv2d' and (None, 6, 6, 4) from 'conv2d_1': the shapes differ.`,
    );
  });

  it('lines a lower-rank input up with the last axes, leaving the batch out (as Keras)', () => {
    expect(mergeShape([null, 8, 8, 4], [null, 4])).toEqual([null, 8, 8, 4]);
    expect(mergeShape([null, 4], [null, 8, 8, 1])).toEqual([null, 8, 8, 4]);
    expect(mergeShape([null, 8, 8, 4], [null, 3])).toBeNull();
  });

  it('Subtract takes exactly two inputs and says so', () => {
    const graph = netGraph([
      ['in', 'InputLayer', { shape: [4] }],
      ['a', 'Dense', { units: 2 }, ['in']],
      ['b', 'Dense', { units: 2 }, ['in']],
      ['s', 'Subtract', {}, ['in', 'a', 'b']],
    ]);
    const issue = inferGraph(graph).issues.find((i) => i.code === 'tooManyInputs');
    expect(issue?.message).toContain(
      "takes exactly 2 inputs, but 3 are connected ('input_layer', 'dense', 'dense_1')",
    );
    expect(issue?.hint).toBe(
      'Keep 2 wires, or join the extra branches first with an Add or Concatenate layer.',
    );
  });
});
