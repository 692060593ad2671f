import { inferGraph } from '../graph/inferGraph';
import type { Graph } from '../graph/types';
import { KerasExportError } from './kerasExportError';
import type { KerasLayerConfig } from './kerasLayerConfig';
import { kerasLayerConfig } from './kerasLayerConfig';
import { layerOrder, sequentialChain } from './layerOrder';

/**
 * What tfjs-layers 4.22 writes next to a topology. The trainer builds the model with that tfjs,
 * and Keras 2's `model_from_json` ignores both fields.
 */
export const KERAS_VERSION = 'tfjs-layers 4.22.0';
export const KERAS_BACKEND = 'tensor_flow.js';

/** A reference to a layer's output: `[name, node index, tensor index]`. */
export type KerasTensorRef = [name: string, nodeIndex: 0, tensorIndex: 0];

/** One layer of a functional model: its config and which layers feed it (Keras 2 form). */
export interface FunctionalLayer extends KerasLayerConfig {
  readonly name: string;
  readonly inbound_nodes: [
    name: string,
    nodeIndex: 0,
    tensorIndex: 0,
    kwargs: Record<string, never>,
  ][][];
}

/** A Keras functional model topology, as `model.to_json()` and tfjs `model.toJSON()` write it. */
export interface FunctionalTopology {
  /** tfjs 4.22 registers both `Model` and `Functional`; every Keras 2 and tfjs version reads `Model`. */
  readonly class_name: 'Model';
  readonly config: {
    readonly name: string;
    readonly layers: FunctionalLayer[];
    readonly input_layers: KerasTensorRef[];
    readonly output_layers: KerasTensorRef[];
  };
  readonly keras_version: string;
  readonly backend: string;
}

/** A Keras `Sequential` topology: the layers in order, the InputLayer first. */
export interface SequentialTopology {
  readonly class_name: 'Sequential';
  readonly config: { readonly name: string; readonly layers: KerasLayerConfig[] };
  readonly keras_version: string;
  readonly backend: string;
}

export interface TopologyOptions {
  /** The model name (`Model: "..."` in summaries); `model` or `sequential` by default. */
  readonly name?: string;
}

function checked(graph: Graph) {
  const report = inferGraph(graph);
  if (!report.ok) throw new KerasExportError(report.issues.filter((i) => i.severity === 'error'));
  return report;
}

/**
 * The graph as a Keras functional model topology that `tf.models.modelFromJSON` (tfjs 4.22) and
 * Keras 2 `model_from_json` both build. Layers come in the graph's order when it is already
 * topological, else in a topological order; a layer with several inputs lists them in edge order.
 * Every InputLayer is a model input and every layer that feeds nothing is a model output.
 * Throws KerasExportError when the graph has errors.
 */
export function toKerasTopology(graph: Graph, options: TopologyOptions = {}): FunctionalTopology {
  const report = checked(graph);
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const ref = (id: string): KerasTensorRef => [names.get(id) ?? id, 0, 0];
  const layers = layerOrder(graph).map((node): FunctionalLayer => {
    const sources = graph.edges
      .filter((e) => e.target === node.id)
      .map((e) => names.get(e.source) ?? e.source);
    return {
      name: node.name,
      ...kerasLayerConfig(node, report.nodes.get(node.id)?.outputShape),
      inbound_nodes:
        sources.length === 0
          ? []
          : [sources.map((s) => [s, 0, 0, {}] as [string, 0, 0, Record<string, never>])],
    };
  });
  return {
    class_name: 'Model',
    config: {
      name: options.name ?? 'model',
      layers,
      input_layers: report.inputIds.map(ref),
      // Every layer that feeds nothing, an Input on its own included (Keras's `Model(x, x)`).
      output_layers: graph.nodes
        .filter((n) => !graph.edges.some((e) => e.source === n.id))
        .map((n) => ref(n.id)),
    },
    keras_version: KERAS_VERSION,
    backend: KERAS_BACKEND,
  };
}

/**
 * A plain stack of layers as a Keras `Sequential` topology, with an explicit InputLayer entry
 * (as Keras 2.4+ writes it) so the input's name survives a round trip. Throws KerasExportError
 * when the graph has errors or is not a single chain (see `sequentialChain`).
 */
export function toSequentialTopology(
  graph: Graph,
  options: TopologyOptions = {},
): SequentialTopology {
  const report = checked(graph);
  const chain = sequentialChain(graph);
  if (!chain)
    throw new KerasExportError(
      [],
      'The network branches or has several inputs, so it cannot be a Keras Sequential model; export it as a functional model.',
    );
  return {
    class_name: 'Sequential',
    config: {
      name: options.name ?? 'sequential',
      layers: chain.map((n) => kerasLayerConfig(n, report.nodes.get(n.id)?.outputShape)),
    },
    keras_version: KERAS_VERSION,
    backend: KERAS_BACKEND,
  };
}

/** `Sequential` when the graph is a plain stack (nicer in tutorials), functional otherwise. */
export function toPreferredTopology(
  graph: Graph,
  options: TopologyOptions = {},
): SequentialTopology | FunctionalTopology {
  return sequentialChain(graph)
    ? toSequentialTopology(graph, options)
    : toKerasTopology(graph, options);
}
