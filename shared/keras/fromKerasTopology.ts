import { inferGraph } from '../graph/inferGraph';
import { topologicalOrder } from '../graph/topology';
import type { Edge, Graph, LayerNode } from '../graph/types';
import type { JsonObject } from './jsonValue';
import { checkDepth, isObject, show } from './jsonValue';
import { KerasImportError } from './kerasImportError';
import { layeredLayout } from './layeredLayout';
import type { LayerList } from './readLayerList';
import { readFunctionalLayers, readSequentialLayers } from './readLayerList';
import type { ReadLayer } from './readKerasLayer';
import { readKerasLayer } from './readKerasLayer';

/** A model file turned into a canvas graph. */
export interface KerasImport {
  readonly graph: Graph;
  /** The model's name in the file (`sequential`, `model`, ...). */
  readonly name: string;
  /** Whether the file held a `Sequential` or a functional (`Model`/`Functional`) model. */
  readonly form: 'sequential' | 'functional';
}

const FUNCTIONAL = new Set(['Model', 'Functional']);

/**
 * True when parsed JSON looks like a Keras or TensorFlow.js model file (as opposed to something
 * else entirely), so a caller can say "neither format" instead of a Keras-specific complaint.
 */
export function looksLikeKerasModel(json: unknown): boolean {
  return (
    isObject(json) &&
    ('modelTopology' in json ||
      'model_config' in json ||
      ('class_name' in json && 'config' in json))
  );
}

/** The `{class_name, config}` inside any of the envelopes Keras and tfjs write. */
function unwrap(json: unknown): { topology: JsonObject; path: string } {
  if (!isObject(json))
    throw new KerasImportError(
      '',
      `expected a JSON object holding a Keras model ("class_name" and "config") or a TensorFlow.js model.json ("modelTopology"), got ${show(json)}`,
    );
  if (json.format === 'graph-model')
    throw new KerasImportError(
      'format',
      'this is a TensorFlow.js graph model (converted from a SavedModel), which has no layers to show; convert the Keras model as a layers model instead',
    );
  let v: unknown = json;
  let path = '';
  for (const key of ['modelTopology', 'model_config']) {
    if (isObject(v) && key in v) {
      v = v[key];
      path = path ? `${path}.${key}` : key;
    }
  }
  if (!isObject(v))
    throw new KerasImportError(path, `expected a model topology object, got ${show(v)}`);
  return { topology: v, path };
}

/**
 * Reads a Keras or TensorFlow.js model file (already parsed JSON) into a canvas graph:
 * a tfjs `model.json` (`modelTopology`, itself bare or `{keras_version, backend, model_config}`),
 * a bare topology `{class_name, config}`, Keras 2 `to_json()` (Sequential or functional) and
 * Keras 3 `config.json` (`module`, `registered_name`, `build_config`, `__keras_tensor__` inbound
 * nodes, DTypePolicy objects). Node ids are the layer names; blocks are laid out top to bottom.
 *
 * Throws KerasImportError with a one-line message naming the exact place of the first problem:
 * an unknown layer class, a malformed or out-of-range config value, a reference to a missing
 * layer, a loop, `channels_first`, shared layers, or nesting deeper than `MAX_DEPTH`.
 * Shape problems of a well-formed file (a kernel larger than its input) are left to `inferGraph`.
 */
export function fromKerasTopology(json: unknown): KerasImport {
  checkDepth(json);
  const { topology, path } = unwrap(json);
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const cls = topology.class_name;
  if (cls !== 'Sequential' && !(typeof cls === 'string' && FUNCTIONAL.has(cls)))
    throw new KerasImportError(
      at('class_name'),
      `expected "Sequential", "Functional" or "Model", got ${show(cls)}`,
    );
  const form = cls === 'Sequential' ? 'sequential' : 'functional';
  const config = topology.config;
  const list = form === 'sequential' ? readSequentialLayers(config) : readFunctionalLayers(config);
  const read = list.layers.map(readKerasLayer);
  const graph = buildGraph(list, read);
  checkLoops(graph, list);
  checkBatchNormAxes(graph, list, read);
  const configName = isObject(config) ? config.name : undefined;
  return {
    graph,
    name:
      typeof configName === 'string' && configName
        ? configName
        : form === 'sequential'
          ? 'sequential'
          : 'model',
    form,
  };
}

function buildGraph(list: LayerList, read: readonly ReadLayer[]): Graph {
  const edges: Edge[] = [];
  list.layers.forEach((layer, i) => {
    for (const src of list.inbound[i] ?? [])
      edges.push({ id: `e${edges.length}`, source: src.name, target: layer.name });
  });
  const positions = layeredLayout(
    list.layers.map((l) => l.name),
    edges,
  );
  const nodes: LayerNode[] = list.layers.map((layer, i) => {
    const r = read[i] as ReadLayer;
    return {
      id: layer.name,
      type: r.type,
      name: layer.name,
      params: r.params,
      position: positions.get(layer.name) ?? { x: 0, y: 0 },
    };
  });
  return { nodes, edges };
}

function checkLoops(graph: Graph, list: LayerList): void {
  const outgoing = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const e of graph.edges) outgoing.get(e.source)?.push(e.target);
  const loop = topologicalOrder(graph.nodes, outgoing).cyclic[0];
  if (!loop) return;
  const first = list.layers.find((l) => l.name === loop[0]);
  const walk = [...loop, loop[0]].map((n) => `"${n}"`).join(' → ');
  throw new KerasImportError(
    `${first?.path ?? 'layers'}.inbound_nodes`,
    `the layers form a loop: ${walk}; data must flow one way`,
    first?.name,
  );
}

/** NetCanvas (like its parameter count) normalises the last axis; check the file agrees. */
function checkBatchNormAxes(graph: Graph, list: LayerList, read: readonly ReadLayer[]): void {
  if (!read.some((r) => r.axis !== undefined && r.axis !== -1)) return;
  const report = inferGraph(graph);
  read.forEach((r, i) => {
    const layer = list.layers[i];
    const rank = layer ? report.nodes.get(layer.name)?.inputShapes[0]?.length : undefined;
    if (r.axis === undefined || r.axis === -1 || !layer || rank === undefined) return;
    if (r.axis !== rank - 1)
      throw new KerasImportError(
        `${layer.path}.config.axis`,
        `NetCanvas normalises the last axis (channels, axis -1 or ${rank - 1}), got axis ${r.axis}`,
        layer.name,
      );
  });
}
