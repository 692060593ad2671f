import { describe, expect, it } from 'vitest';
import { defaultParams, type LayerType } from '../layers/catalogue';
import { FIXTURE_GRAPHS } from './fixtures/fixtureGraphs';
import { fromKerasTopology } from './fromKerasTopology';
import { toKerasTopology } from './toKerasTopology';

const NEW = [
  'LayerNormalization',
  'Rescaling',
  'ReLU',
  'ELU',
  'PReLU',
  'Softmax',
  'GaussianNoise',
  'GaussianDropout',
  'Multiply',
  'Average',
  'Maximum',
  'Minimum',
  'Subtract',
];
const WIDER = Object.entries(FIXTURE_GRAPHS).filter(([title]) =>
  /LayerNormalization|Multiply/.test(title),
);

describe('Keras export and import of the wider catalogue', () => {
  it('covers every new layer', () => {
    const types = new Set(WIDER.flatMap(([, g]) => g.nodes.map((n) => n.type)));
    for (const t of NEW) expect(types).toContain(t);
  });

  it.each(WIDER)(
    '%s: every layer comes back with its class, name, settings and wires',
    (_title, graph) => {
      const back = fromKerasTopology(JSON.parse(JSON.stringify(toKerasTopology(graph)))).graph;
      const mine = (g: typeof graph) => g.nodes.filter((n) => NEW.includes(n.type));
      expect(mine(back).map((n) => [n.type, n.name, n.params])).toEqual(
        mine(graph).map((n) => [
          n.type,
          n.name,
          { ...defaultParams(n.type as LayerType), ...n.params },
        ]),
      );
      expect(back.nodes.map((n) => n.type)).toEqual(graph.nodes.map((n) => n.type));
      const wires = (g: typeof graph) => g.edges.map((e) => `${e.source}->${e.target}`);
      expect(wires(back)).toEqual(wires(graph));
    },
  );
});
