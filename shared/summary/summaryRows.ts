import type { GraphReport } from '../graph/inferGraph';
import type { Graph, Shape } from '../graph/types';
import { layerOrder, sequentialChain } from '../keras/layerOrder';

/** One line of a Keras-style model summary. */
export interface SummaryRow {
  readonly id: string;
  /** The Keras layer name (`conv2d_1`). */
  readonly name: string;
  /** The Keras class name (`Conv2D`). */
  readonly type: string;
  /** Undefined when the layer, or one before it, has an error. */
  readonly outputShape?: Shape;
  /** Weights of the layer; undefined when its shape could not be worked out. */
  readonly params?: number;
  readonly trainable?: number;
  readonly nonTrainable?: number;
  /** Names of the layers feeding it, in call order (`Connected to`). */
  readonly connectedTo: readonly string[];
}

/** The rows of a summary, and whether Keras would print it as a Sequential or a functional model. */
export interface Summary {
  /**
   * `sequential` for a plain stack (Keras omits the InputLayer row and the `Connected to` column),
   * `functional` for anything with branches, merges or several inputs.
   */
  readonly form: 'sequential' | 'functional';
  readonly rows: readonly SummaryRow[];
}

/**
 * The rows Keras's `model.summary()` prints for this graph, in Keras's layer order: every layer but
 * the Input for a plain stack (as a `Sequential` model lists them), every layer for a functional
 * model. The canvas's summary panel and `netcanvas summary` both render these rows.
 */
export function summaryRows(graph: Graph, report: GraphReport): Summary {
  const chain = sequentialChain(graph);
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  // Each layer's inputs by name, found in one pass over the wires (300 layers: not 300 × 300).
  const inputs = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = inputs.get(e.target) ?? [];
    list.push(names.get(e.source) ?? e.source);
    inputs.set(e.target, list);
  }
  const nodes = chain ? chain.slice(1) : layerOrder(graph);
  const rows = nodes.map((n): SummaryRow => {
    const r = report.nodes.get(n.id);
    const p = r?.params;
    return {
      id: n.id,
      name: n.name,
      type: n.type,
      ...(r?.outputShape ? { outputShape: r.outputShape } : {}),
      ...(p
        ? {
            params: p.trainable + p.nonTrainable,
            trainable: p.trainable,
            nonTrainable: p.nonTrainable,
          }
        : {}),
      connectedTo: inputs.get(n.id) ?? [],
    };
  });
  return { form: chain ? 'sequential' : 'functional', rows };
}
