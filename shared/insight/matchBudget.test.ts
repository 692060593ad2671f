import { describe, expect, it } from 'vitest';
import { inferGraph } from '../graph/inferGraph';
import { PROJECT_TEMPLATES } from '../templates/projectTemplates';
import { stackGraph } from '../templates/stackGraph';
import { BUDGET_TOLERANCE, matchBudget } from './matchBudget';

describe('matchBudget', () => {
  // Every tutorial network: each match is checked by inferGraph, never trusted from the builder.
  for (const t of PROJECT_TEMPLATES.filter((t) => t.project.training.task === 'classify'))
    it(`matches ${t.project.name} (${t.kerasTotal.toLocaleString('en-US')} parameters) within 5%`, () => {
      const graph = t.project.graph;
      const isCnn = graph.nodes.some((n) => n.type === 'Conv2D');
      const match = matchBudget(graph);
      const report = inferGraph(match.graph);
      expect(report.ok).toBe(true);
      expect(report.totals.total).toBe(match.params);
      expect(match.target).toBe(t.kerasTotal);
      expect(Math.abs(match.params - t.kerasTotal) / t.kerasTotal).toBeLessThanOrEqual(
        BUDGET_TOLERANCE,
      );
      // The other kind of network, on the same input, with the same classifier.
      expect(match.kind).toBe(isCnn ? 'mlp' : 'cnn');
      expect(match.graph.nodes.some((n) => n.type === 'Conv2D')).toBe(!isCnn);
      const input = (g: typeof graph) =>
        g.nodes.find((n) => n.type === 'InputLayer')?.params['shape'];
      expect(input(match.graph)).toEqual(input(graph));
      expect(match.graph.nodes.at(-1)?.params).toEqual(graph.nodes.at(-1)?.params);
    });

  it('goes there and back: the MLP matched to the lesson CNN is matched by a CNN of about the same size', () => {
    const cnn = PROJECT_TEMPLATES.find((t) => t.id === 'cnn-valid')?.project.graph;
    if (!cnn) throw new Error('template missing');
    const mlp = matchBudget(cnn);
    expect(mlp.title).toBe('MLP 784-153-10');
    const back = matchBudget(mlp.graph);
    expect(Math.abs(back.params - 121_930) / 121_930).toBeLessThanOrEqual(BUDGET_TOLERANCE);
  });

  it('says what it needs', () => {
    expect(() =>
      matchBudget(
        stackGraph([
          ['InputLayer', { shape: [784] }],
          ['Dense', { units: 10 }],
        ]),
      ),
    ).toThrow('input is an image');
    // A 3×3 kernel does not fit a 2×2 image.
    expect(() =>
      matchBudget(
        stackGraph([
          ['InputLayer', { shape: [2, 2, 1] }],
          ['Conv2D', { filters: 2 }],
          ['Flatten'],
          ['Dense', { units: 10 }],
        ]),
      ),
    ).toThrow('fix them on the Build tab');
    // An autoencoder has no classes to match a budget for.
    const autoencoder = PROJECT_TEMPLATES.find((t) => t.project.training.task === 'reconstruct');
    expect(autoencoder).toBeDefined();
    expect(() => matchBudget(autoencoder?.project.graph ?? { nodes: [], edges: [] })).toThrow(
      'ends in one Dense layer',
    );
  });
});
