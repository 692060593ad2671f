import type { LayerContext, ParamCount } from '../layers/defineLayer';
import { layerDef, resolveParams } from '../layers/catalogue';
import { sizeIssue } from '../layers/sizeLimits';
import type { Issue, IssueDraft } from './issues';
import type { Graph, LayerNode, Shape } from './types';
import { topologicalOrder } from './topology';
import { graphWarnings } from './graphWarnings';

/** What the canvas shows for one block. */
export interface NodeReport {
  readonly id: string;
  readonly inputShapes: readonly Shape[];
  /** Absent when this layer or one upstream has an error. */
  readonly outputShape?: Shape;
  readonly params?: ParamCount;
  readonly issues: readonly Issue[];
}

export interface ParamTotals {
  readonly trainable: number;
  readonly nonTrainable: number;
  readonly total: number;
}

/** Everything derived from a graph: shapes, counts and problems. Never stored; always recomputed. */
export interface GraphReport {
  readonly nodes: ReadonlyMap<string, NodeReport>;
  /** Node ids in an order where every layer comes after its inputs (nodes in loops last). */
  readonly order: readonly string[];
  readonly edgeShapes: ReadonlyMap<string, Shape>;
  /** All issues, graph-level and per node, errors first. */
  readonly issues: readonly Issue[];
  readonly totals: ParamTotals;
  readonly inputIds: readonly string[];
  readonly outputIds: readonly string[];
  /** True when there is no error (warnings allowed): the graph can be built and trained. */
  readonly ok: boolean;
}

export interface InferOptions {
  /** Classes in the chosen data set, to check the last layer against. */
  readonly classes?: number;
}

const nodeLabel = (n: LayerNode) => `${n.type} '${n.name}'`;

/**
 * Infers every output shape and parameter count of a graph, exactly as Keras would, and
 * explains every problem. Pure and fast: the canvas calls it after every edit.
 */
export function inferGraph(graph: Graph, options: InferOptions = {}): GraphReport {
  const issues: Issue[] = [];
  const byId = new Map<string, LayerNode>();
  for (const n of graph.nodes) byId.set(n.id, n);

  const incoming = new Map<string, LayerNode[]>();
  const outgoing = new Map<string, string[]>();
  for (const n of graph.nodes) {
    incoming.set(n.id, []);
    outgoing.set(n.id, []);
  }
  for (const e of graph.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) {
      issues.push({
        code: 'badEdge',
        severity: 'error',
        message: `A connection points to a layer that does not exist (${!s ? e.source : e.target}).`,
        hint: 'Delete the connection and wire the layers again.',
      });
      continue;
    }
    incoming.get(t.id)?.push(s);
    outgoing.get(s.id)?.push(t.id);
  }

  const names = new Map<string, string>();
  for (const n of graph.nodes) {
    const other = names.get(n.name);
    if (other !== undefined)
      issues.push({
        code: 'duplicateName',
        severity: 'error',
        nodeId: n.id,
        message: `Two layers are named '${n.name}'; Keras needs unique layer names.`,
        hint: 'Rename one of them in the inspector.',
      });
    else names.set(n.name, n.id);
  }

  const { order, cyclic } = topologicalOrder(graph.nodes, outgoing);
  for (const loop of cyclic) {
    const path = loop.map((id) => `'${byId.get(id)?.name ?? id}'`).join(' → ');
    for (const id of loop)
      issues.push({
        code: 'cycle',
        severity: 'error',
        nodeId: id,
        message: `${path} → '${byId.get(loop[0] ?? '')?.name ?? ''}' form a loop: data would flow in a circle forever.`,
        hint: 'Delete one of the connections in the loop; a network must flow one way, from Input to output.',
      });
  }

  const reports = new Map<string, NodeReport>();
  const shapes = new Map<string, Shape>();
  let trainable = 0;
  let nonTrainable = 0;
  const inputIds: string[] = [];

  for (const id of order) {
    const node = byId.get(id);
    if (!node) continue;
    const inputs = incoming.get(id) ?? [];
    const nodeIssues: Issue[] = [];
    const push = (d: IssueDraft, severity: Issue['severity'] = 'error') =>
      nodeIssues.push({ ...d, severity, nodeId: id });
    const def = layerDef(node.type);
    const inputShapes = inputs
      .map((s) => shapes.get(s.id))
      .filter((s): s is Shape => s !== undefined);
    const finish = (outputShape?: Shape, params?: ParamCount) => {
      reports.set(id, {
        id,
        inputShapes,
        issues: nodeIssues,
        ...(outputShape ? { outputShape } : {}),
        ...(params ? { params } : {}),
      });
      issues.push(...nodeIssues);
    };
    if (!def) {
      push({
        code: 'unknownLayer',
        message: `'${node.name}' has layer type "${node.type}", which NetCanvas does not know.`,
        hint: 'Replace it with a layer from the palette.',
      });
      finish();
      continue;
    }
    if (def.kerasClass === 'InputLayer') inputIds.push(id);
    const { values, errors } = resolveParams(def, node.params);
    for (const e of errors)
      push({
        code: e.unknown ? 'unknownParam' : 'badParam',
        message: `${nodeLabel(node)}: ${e.message}.`,
        hint: e.unknown ? `Remove "${e.param}".` : `Change ${e.param} in the inspector.`,
        ...(e.unknown
          ? {
              fix: {
                kind: 'removeParam',
                label: `Remove "${e.param}"`,
                nodeId: id,
                param: e.param,
              } as const,
            }
          : {}),
      });
    const count = inputs.length;
    if (count < def.inputs.min) {
      const none = count === 0;
      push({
        code: none ? 'missingInput' : 'tooFewInputs',
        message: none
          ? `${nodeLabel(node)} has no input, so nothing flows into it.`
          : `${nodeLabel(node)} combines several layers but only one is connected.`,
        hint: none
          ? 'Drag a wire from the layer before it into this block.'
          : 'Connect at least two layers to it.',
      });
    } else if (count > def.inputs.max) {
      push({
        code: 'tooManyInputs',
        message:
          def.inputs.max === 0
            ? `${nodeLabel(node)} is where data enters, but ${count} layers are wired into it.`
            : `${nodeLabel(node)} takes ${def.inputs.max === 1 ? 'one input' : `exactly ${def.inputs.max} inputs`}, but ${count} are connected (${inputs.map((s) => `'${s.name}'`).join(', ')}).`,
        hint:
          def.inputs.max === 0
            ? 'Remove the wires into the Input block.'
            : def.inputs.max === 1
              ? 'Keep one wire, or join the branches first with an Add or Concatenate layer.'
              : `Keep ${def.inputs.max} wires, or join the extra branches first with an Add or Concatenate layer.`,
      });
    }
    // An upstream problem has already been reported there; don't pile errors onto every layer below it.
    const blocked = inputShapes.length !== inputs.length;
    if (nodeIssues.length > 0 || blocked) {
      finish();
      continue;
    }
    const ctx: LayerContext = {
      type: def.kerasClass,
      name: node.name,
      id,
      inputIds: inputs.map((s) => s.id),
      inputNames: inputs.map((s) => s.name),
    };
    const result = def.outputShape(inputShapes, values as never, ctx);
    if (!result.ok) {
      push(result.issue);
      finish();
      continue;
    }
    const params = def.paramCount(inputShapes, values as never);
    const tooLarge = sizeIssue(nodeLabel(node), result.shape, params);
    if (tooLarge) {
      push(tooLarge);
      finish();
      continue;
    }
    trainable += params.trainable;
    nonTrainable += params.nonTrainable;
    for (const w of def.warnings?.(inputShapes, values as never, ctx, result.shape) ?? [])
      push(w, 'warning');
    shapes.set(id, result.shape);
    finish(result.shape, params);
  }

  const outputIds = graph.nodes
    .filter((n) => (outgoing.get(n.id)?.length ?? 0) === 0 && (incoming.get(n.id)?.length ?? 0) > 0)
    .map((n) => n.id);
  if (graph.nodes.length > 0 && inputIds.length === 0)
    issues.push({
      code: 'noInput',
      severity: 'error',
      message: 'The network has no Input block, so there is nowhere for data to enter.',
      hint: 'Drag an Input block onto the canvas and wire it to your first layer.',
    });
  issues.push(
    ...graphWarnings({ graph, byId, outgoing, reports, outputIds, classes: options.classes }),
  );
  for (const w of issues) {
    if (!w.nodeId) continue;
    const r = reports.get(w.nodeId);
    if (r && !r.issues.includes(w)) (r.issues as Issue[]).push(w);
  }

  const edgeShapes = new Map<string, Shape>();
  for (const e of graph.edges) {
    const s = shapes.get(e.source);
    if (s) edgeShapes.set(e.id, s);
  }
  issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    nodes: reports,
    order,
    edgeShapes,
    issues,
    totals: { trainable, nonTrainable, total: trainable + nonTrainable },
    inputIds,
    outputIds,
    ok: !issues.some((i) => i.severity === 'error'),
  };
}
