import { describe, expect, it } from 'vitest';
import { explainGraph } from '../explain/explainGraph';
import { inferGraph } from '../graph/inferGraph';
import type { ParamValue } from '../graph/types';
import { readKerasLayer } from '../keras/readKerasLayer';
import { stackGraph } from '../templates/stackGraph';

/** Shape, count, errors and arithmetic text of a LayerNormalization on `shape`. */
function normalise(shape: number[], params: Record<string, ParamValue> = {}) {
  const graph = stackGraph([
    ['InputLayer', { shape }],
    ['LayerNormalization', params],
  ]);
  const report = inferGraph(graph);
  const id = graph.nodes[1]?.id ?? '';
  const node = report.nodes.get(id);
  return {
    name: id,
    shape: node?.outputShape,
    params: node?.params,
    errors: report.issues.filter((i) => i.severity === 'error'),
    text: explainGraph(graph, report).get(id)?.text,
  };
}

describe('LayerNormalization', () => {
  it('is named and counted as Keras does: (None, 10, 64) has 2 × 64 = 128 trainable weights', () => {
    const ln = normalise([10, 64]);
    expect(ln.name).toBe('layer_normalization');
    expect(ln.shape).toEqual([null, 10, 64]);
    expect(ln.params).toEqual({ trainable: 128, nonTrainable: 0 });
    expect(ln.text).toContain('2 × 64 = 128');
  });

  it('counts the normalised axis only, and only the weights it learns', () => {
    expect(normalise([10, 64], { axis: 1 }).params).toEqual({ trainable: 20, nonTrainable: 0 });
    expect(normalise([26, 26, 32], { center: false }).params).toEqual({
      trainable: 32,
      nonTrainable: 0,
    });
    expect(normalise([26, 26, 32], { center: false, scale: false }).params).toEqual({
      trainable: 0,
      nonTrainable: 0,
    });
  });

  it('refuses the batch axis and an axis the input does not have, with a fix', () => {
    for (const axis of [0, 3, -4]) {
      const [error] = normalise([10, 64], { axis }).errors;
      expect(error?.message).toBe(
        `LayerNormalization 'layer_normalization': axis ${axis} does not exist for an input of shape (None, 10, 64) (the batch axis 0 cannot be normalised).`,
      );
      expect(error?.fix).toMatchObject({ param: 'axis', value: -1 });
    }
  });

  it('reads the axis Keras 2 writes once built ([2]) and refuses several axes', () => {
    const read = (config: Record<string, unknown>) =>
      readKerasLayer({
        path: 'layers[1]',
        name: 'ln',
        className: 'LayerNormalization',
        config: config,
      });
    expect(read({ axis: [2], epsilon: 1e-6, center: true, scale: false }).params).toEqual({
      axis: 2,
      epsilon: 1e-6,
      center: true,
      scale: false,
    });
    expect(read({ axis: -1 }).params.axis).toBe(-1);
    expect(() => read({ axis: [1, 2] })).toThrow('layers[1].config.axis');
    expect(() => read({ axis: -1, rms_scaling: true })).toThrow('rms_scaling');
  });
});
