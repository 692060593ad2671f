import { describe, expect, it } from 'vitest';
import { explainGraph } from '../explain/explainGraph';
import { inferGraph } from '../graph/inferGraph';
import { toKerasTopology } from '../keras/toKerasTopology';
import { fromKerasTopology } from '../keras/fromKerasTopology';
import { stackGraph, type StackLayer } from '../templates/stackGraph';
import { layerDef } from './catalogue';
import { parseParamText } from './params';

const last = (layers: readonly StackLayer[]) => {
  const graph = stackGraph(layers);
  const report = inferGraph(graph);
  const node = graph.nodes.at(-1);
  return {
    graph,
    report,
    node,
    inferred: node ? report.nodes.get(node.id) : undefined,
    arithmetic: node ? explainGraph(graph, report).get(node.id) : undefined,
  };
};

describe('UpSampling2D: Keras shapes, counts and names', () => {
  it('size 2 on (None, 7, 7, 8) gives (None, 14, 14, 8) with no parameters, named up_sampling2d', () => {
    const { report, node, inferred } = last([
      ['InputLayer', { shape: [7, 7, 8] }],
      ['UpSampling2D', { size: 2 }],
    ]);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(inferred?.outputShape).toEqual([null, 14, 14, 8]);
    expect(report.totals.total).toBe(0);
    expect(node?.name).toBe('up_sampling2d');
  });

  it('repeats rows and columns by their own factors: (2, 3) on 7×5×3 gives 14×15×3', () => {
    expect(
      last([
        ['InputLayer', { shape: [7, 5, 3] }],
        ['UpSampling2D', { size: [2, 3], interpolation: 'bilinear' }],
      ]).inferred?.outputShape,
    ).toEqual([null, 14, 15, 3]);
  });

  it('reads the size as typed: "2", "2, 2", "[2, 2]" are all (2, 2)', () => {
    const spec = layerDef('UpSampling2D')?.params.size;
    if (!spec) throw new Error('UpSampling2D has no size');
    for (const text of ['2', '2, 2', '[2, 2]']) {
      const value = parseParamText(spec, text);
      const graph = last([
        ['InputLayer', { shape: [7, 7, 8] }],
        ['UpSampling2D', { size: value }],
      ]);
      expect(graph.inferred?.outputShape, text).toEqual([null, 14, 14, 8]);
    }
  });

  it('explains the arithmetic with the learner’s numbers', () => {
    const { arithmetic } = last([['InputLayer', { shape: [7, 7, 8] }], ['UpSampling2D']]);
    expect(arithmetic?.text).toContain('7 × 2 = 14');
    expect(arithmetic?.text).toContain('no weights');
  });

  it('refuses a flat vector and an interpolation Keras does not have, saying why', () => {
    const flat = last([['InputLayer', { shape: [784] }], ['UpSampling2D']]);
    expect(flat.report.issues.find((i) => i.severity === 'error')?.message).toContain(
      'needs an image',
    );
    const bad = last([
      ['InputLayer', { shape: [7, 7, 8] }],
      ['UpSampling2D', { interpolation: 'cubic' }],
    ]);
    expect(bad.report.issues.find((i) => i.severity === 'error')?.message).toContain(
      'nearest, bilinear',
    );
  });

  it('exports the Keras config and imports it back unchanged', () => {
    const graph = stackGraph([
      ['InputLayer', { shape: [7, 7, 8] }],
      ['UpSampling2D', { size: [2, 3], interpolation: 'bilinear' }],
    ]);
    const topology = toKerasTopology(graph);
    const layer = topology.config.layers.find((l) => l.class_name === 'UpSampling2D');
    expect(layer?.config).toMatchObject({
      size: [2, 3],
      interpolation: 'bilinear',
      data_format: 'channels_last',
    });
    const back = fromKerasTopology(topology).graph.nodes.find((n) => n.type === 'UpSampling2D');
    expect(back?.params).toEqual({ size: [2, 3], interpolation: 'bilinear' });
  });
});
