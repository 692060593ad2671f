import type { Issue } from './issues';
import type { NodeReport } from './inferGraph';
import type { Graph, LayerNode } from './types';

interface WarningInput {
  readonly graph: Graph;
  readonly byId: ReadonlyMap<string, LayerNode>;
  readonly outgoing: ReadonlyMap<string, readonly string[]>;
  readonly reports: ReadonlyMap<string, NodeReport>;
  readonly outputIds: readonly string[];
  readonly classes: number | undefined;
}

/** Warnings that need the whole graph: where softmax sits, how many outputs, class count. */
export function graphWarnings({
  graph,
  byId,
  outgoing,
  reports,
  outputIds,
  classes,
}: WarningInput): Issue[] {
  const out: Issue[] = [];
  for (const n of graph.nodes) {
    if (n.params.activation !== 'softmax' || (outgoing.get(n.id)?.length ?? 0) === 0) continue;
    const next = (outgoing.get(n.id) ?? []).map((t) => `'${byId.get(t)?.name ?? t}'`).join(', ');
    out.push({
      code: 'softmaxNotLast',
      severity: 'warning',
      nodeId: n.id,
      message: `${n.type} '${n.name}' uses softmax but feeds ${next}; softmax turns scores into class probabilities and belongs on the last layer.`,
      hint: "Use 'relu' here, and softmax only on the output layer.",
      fix: {
        kind: 'setParam',
        label: "Use 'relu' instead",
        nodeId: n.id,
        param: 'activation',
        value: 'relu',
      },
    });
  }
  if (outputIds.length > 1)
    out.push({
      code: 'multipleOutputs',
      severity: 'warning',
      message: `The network ends in ${outputIds.length} places (${outputIds.map((id) => `'${byId.get(id)?.name ?? id}'`).join(', ')}); NetCanvas trains a network with one output.`,
      hint: 'Delete the unused branch, or join the branches with Add or Concatenate before the last layer.',
    });
  const lastId = outputIds.length === 1 ? outputIds[0] : undefined;
  const last = lastId ? byId.get(lastId) : undefined;
  const shape = lastId ? reports.get(lastId)?.outputShape : undefined;
  const units = shape?.length === 2 ? shape[1] : undefined;
  if (classes !== undefined && last && units != null && units !== classes)
    out.push({
      code: 'classCountMismatch',
      severity: 'warning',
      nodeId: last.id,
      message: `The last layer '${last.name}' outputs ${units} numbers, but the data set has ${classes} classes.`,
      hint: `Give the last Dense layer ${classes} units, one per class.`,
      ...(last.type === 'Dense'
        ? {
            fix: {
              kind: 'setParam',
              label: `Set units to ${classes}`,
              nodeId: last.id,
              param: 'units',
              value: classes,
            } as const,
          }
        : {}),
    });
  return out;
}
