/**
 * "Match parameter budget": for a CNN, a feed-forward network with about as many parameters (or
 * the other way round), so that comparing them compares architectures, not sizes.
 */
import { inferGraph } from '../graph/inferGraph';
import type { Graph, ParamValue } from '../graph/types';
import { stackGraph, type StackLayer } from '../templates/stackGraph';

/** How close the matched network's parameter count must be: within 5% of the original's. */
export const BUDGET_TOLERANCE = 0.05;

/** A network built to match another's parameter count. */
export interface BudgetMatch {
  /** What was built: a feed-forward network for a CNN, a CNN for a feed-forward network. */
  readonly kind: 'mlp' | 'cnn';
  readonly graph: Graph;
  readonly params: number;
  /** The original's parameter count. */
  readonly target: number;
  /** "MLP 784-153-10", "CNN 16-32 + Dense 230". */
  readonly title: string;
}

/** Why no match could be built, in a learner's words. */
export class BudgetError extends Error {
  override readonly name = 'BudgetError';
}

const total = (graph: Graph): number | null => {
  const report = inferGraph(graph);
  return report.ok ? report.totals.total : null;
};

/** The input shape and the classifier head (units, activation) every matched network keeps. */
function ends(graph: Graph): { input: ParamValue; classes: number; activation: ParamValue } {
  const input = graph.nodes.find((n) => n.type === 'InputLayer');
  const shape = input?.params['shape'];
  if (!input || !Array.isArray(shape) || shape.length !== 3)
    throw new BudgetError(
      'Matching a parameter budget needs a network whose input is an image (height, width, channels).',
    );
  const sinks = graph.nodes.filter((n) => !graph.edges.some((e) => e.source === n.id));
  const head = sinks.length === 1 ? sinks[0] : undefined;
  const units = head?.params['units'];
  if (!head || head.type !== 'Dense' || typeof units !== 'number')
    throw new BudgetError(
      'Matching a parameter budget needs a network that ends in one Dense layer (the classes).',
    );
  return { input: shape, classes: units, activation: head.params['activation'] ?? 'softmax' };
}

/** The whole number `x ≥ min` where the linear `count(x) = a + b·x` comes nearest `target`. */
function solveLinear(
  count: (x: number) => number | null,
  target: number,
  min: number,
): { x: number; params: number } | null {
  const c1 = count(min);
  const c2 = count(min + 1);
  if (c1 === null || c2 === null || c2 <= c1) return null;
  const x = Math.max(min, Math.round(min + (target - c1) / (c2 - c1)));
  const params = count(x);
  return params === null ? null : { x, params };
}

/** Flatten, one hidden Dense layer sized to the budget, the same classifier head. */
function matchMlp(graph: Graph, target: number): BudgetMatch {
  const { input, classes, activation } = ends(graph);
  const build = (hidden: number) =>
    stackGraph([
      ['InputLayer', { shape: input }],
      ['Flatten'],
      ['Dense', { units: hidden, activation: 'relu' }],
      ['Dense', { units: classes, activation }],
    ]);
  const best = solveLinear((h) => total(build(h)), target, 1);
  if (!best) throw new BudgetError('No feed-forward network could be built for this input.');
  const [h = 0, w = 0, c = 0] = input as readonly number[];
  return {
    kind: 'mlp',
    graph: build(best.x),
    params: best.params,
    target,
    title: `MLP ${h * w * c}-${best.x}-${classes}`,
  };
}

/** Conv-pool stages ('same' padding, so small images fit), then a Dense layer sized to the budget. */
function matchCnn(graph: Graph, target: number): BudgetMatch {
  const { input, classes, activation } = ends(graph);
  const layers = (filters: readonly number[], dense: number): StackLayer[] => [
    ['InputLayer', { shape: input }],
    ...filters.flatMap((f): StackLayer[] => [
      ['Conv2D', { filters: f, kernel_size: [3, 3], padding: 'same', activation: 'relu' }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
    ]),
    ['Flatten'],
    ['Dense', { units: dense, activation: 'relu' }],
    ['Dense', { units: classes, activation }],
  ];
  // The tutorials' shapes, widest first: the first whose Dense layer can take up the budget wins.
  const stages: readonly (readonly number[])[] = [[32, 64], [16, 32], [8, 16], [32], [8], [4]];
  let closest: BudgetMatch | null = null;
  for (const filters of stages) {
    const best = solveLinear((d) => total(stackGraph(layers(filters, d))), target, 1);
    if (!best) continue;
    const match: BudgetMatch = {
      kind: 'cnn',
      graph: stackGraph(layers(filters, best.x)),
      params: best.params,
      target,
      title: `CNN ${filters.join('-')} + Dense ${best.x}`,
    };
    if (Math.abs(best.params - target) <= BUDGET_TOLERANCE * target) return match;
    if (!closest || Math.abs(best.params - target) < Math.abs(closest.params - target))
      closest = match;
  }
  if (!closest)
    throw new BudgetError(
      'No CNN could be built for this input: the image may be too small for a 3×3 convolution and a 2×2 pooling.',
    );
  return closest;
}

/**
 * For a network with Conv2D layers, a feed-forward network with about as many parameters; for a
 * network without, a CNN. Within {@link BUDGET_TOLERANCE} of the original whenever the budget
 * allows; the caller shows the two counts either way.
 * @throws BudgetError when the network has errors or lacks an image input or a Dense head
 */
export function matchBudget(graph: Graph): BudgetMatch {
  const target = total(graph);
  if (target === null)
    throw new BudgetError('The network has errors: fix them on the Build tab first.');
  const isCnn = graph.nodes.some((n) => n.type === 'Conv2D');
  return isCnn ? matchMlp(graph, target) : matchCnn(graph, target);
}
