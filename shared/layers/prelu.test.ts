import { describe, expect, it } from 'vitest';
import { explainGraph } from '../explain/explainGraph';
import { inferGraph } from '../graph/inferGraph';
import type { ParamValue } from '../graph/types';
import { readKerasLayer } from '../keras/readKerasLayer';
import { stackGraph } from '../templates/stackGraph';
import { parseParamText } from './params';
import { prelu } from './prelu';

function activate(shape: number[], params: Record<string, ParamValue> = {}) {
  const graph = stackGraph([
    ['InputLayer', { shape }],
    ['PReLU', params],
  ]);
  const report = inferGraph(graph);
  const id = graph.nodes[1]?.id ?? '';
  return {
    name: id,
    report,
    node: report.nodes.get(id),
    text: explainGraph(graph, report).get(id)?.text,
  };
}

describe('PReLU', () => {
  it('learns one slope per number by default: (None, 26, 26, 32) → 21,632', () => {
    const p = activate([26, 26, 32]);
    expect(p.name).toBe('p_re_lu');
    expect(p.node?.outputShape).toEqual([null, 26, 26, 32]);
    expect(p.node?.params).toEqual({ trainable: 21_632, nonTrainable: 0 });
    expect(p.text).toContain('26 × 26 × 32 = 21,632');
  });

  it('shares a slope along the shared axes: [1, 2] → one per channel, 32', () => {
    const p = activate([26, 26, 32], { shared_axes: [1, 2] });
    expect(p.node?.params).toEqual({ trainable: 32, nonTrainable: 0 });
    expect(p.text).toContain('1 × 1 × 32 = 32');
    expect(activate([26, 26, 32], { shared_axes: [3] }).node?.params?.trainable).toBe(676);
  });

  it('refuses a shared axis the input does not have, naming the axes it has', () => {
    const [error] = activate([26, 26, 32], { shared_axes: [1, 4] }).report.issues;
    expect(error?.message).toBe(
      "PReLU 'p_re_lu': shared axis 4 does not exist for an input of shape (None, 26, 26, 32); shared axes count from 1 (the axis after the batch) to 3.",
    );
    expect(error?.hint).toBe('For one slope per channel of an image, share axes 1, 2.');
    expect(error?.fix).toMatchObject({ param: 'shared_axes', value: null });
    // The batch axis is refused before the shape is looked at.
    expect(activate([26, 26, 32], { shared_axes: [0, 1] }).report.issues[0]?.message).toContain(
      'got 0 in [0,1]',
    );
  });

  it('reads shared_axes as Keras writes it, and an empty inspector field as None', () => {
    const read = (shared_axes: unknown) =>
      readKerasLayer({ path: 'layers[1]', name: 'p', className: 'PReLU', config: { shared_axes } })
        .params;
    expect(read([1, 2])).toEqual({ shared_axes: [1, 2] });
    expect(read(null)).toEqual({ shared_axes: null });
    expect(parseParamText(prelu.params.shared_axes, '')).toBeNull();
    expect(parseParamText(prelu.params.shared_axes, '1, 2')).toEqual([1, 2]);
  });
});
