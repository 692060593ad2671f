import { describe, expect, it } from 'vitest';
import { inferGraph } from '../graph/inferGraph';
import type { ParamValue } from '../graph/types';
import { readKerasLayer } from '../keras/readKerasLayer';
import { stackGraph } from '../templates/stackGraph';

const infer = (type: string, params: Record<string, ParamValue>) => {
  const graph = stackGraph([
    ['InputLayer', { shape: [5, 7] }],
    [type, params],
  ]);
  const report = inferGraph(graph);
  return { node: report.nodes.get(graph.nodes[1]?.id ?? ''), issues: report.issues };
};

describe('activation, rescaling and noise layers', () => {
  it('keep the shape and have no weights, whatever their settings', () => {
    const cases: [string, Record<string, ParamValue>][] = [
      ['ReLU', { max_value: 6, negative_slope: 0.1, threshold: 0.5 }],
      ['ELU', { alpha: 0.5 }],
      ['Softmax', { axis: 1 }],
      ['Rescaling', { scale: 1 / 127.5, offset: -1 }],
      ['GaussianNoise', { stddev: 0.3 }],
      ['GaussianDropout', { rate: 0.4 }],
    ];
    for (const [type, params] of cases) {
      const { node, issues } = infer(type, params);
      expect(issues, type).toEqual([]);
      expect(node?.outputShape, type).toEqual([null, 5, 7]);
      expect(node?.params, type).toEqual({ trainable: 0, nonTrainable: 0 });
    }
  });

  it('Softmax refuses the batch axis and a missing axis, with a fix', () => {
    const [issue] = infer('Softmax', { axis: 3 }).issues;
    expect(issue?.message).toBe(
      "Softmax 'softmax': axis 3 does not exist for an input of shape (None, 5, 7) (the batch axis 0 cannot be normalised).",
    );
    expect(issue?.fix).toMatchObject({ param: 'axis', value: -1 });
  });

  it('refuses settings Keras refuses, in the learner’s words', () => {
    expect(infer('ReLU', { negative_slope: -1 }).issues[0]?.message).toContain(
      'negative_slope must be at least 0, got -1',
    );
    expect(infer('GaussianDropout', { rate: 1 }).issues[0]?.message).toContain(
      'rate must be below 1, got 1',
    );
  });

  it('reads Keras configs: ReLU without a cap, Softmax, Rescaling', () => {
    const read = (className: string, config: Record<string, unknown>) =>
      readKerasLayer({ path: 'layers[1]', name: 'x', className, config: config }).params;
    expect(read('ReLU', { max_value: null, negative_slope: 0.0, threshold: 0.0 })).toEqual({
      max_value: null,
      negative_slope: 0,
      threshold: 0,
    });
    expect(read('ReLU', { max_value: 6.0 })).toEqual({
      max_value: 6,
      negative_slope: 0,
      threshold: 0,
    });
    expect(read('Softmax', { axis: -1 })).toEqual({ axis: -1 });
    expect(read('Rescaling', { scale: 0.5, offset: 1 })).toEqual({ scale: 0.5, offset: 1 });
    expect(() => read('ELU', { alpha: 'one' })).toThrow('layers[1].config.alpha');
  });
});
