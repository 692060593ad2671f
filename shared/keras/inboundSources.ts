import { isObject, show } from './jsonValue';
import { KerasImportError } from './kerasImportError';

/** A layer feeding another, and where in the file the reference sits (for messages). */
export interface InboundRef {
  readonly name: string;
  readonly path: string;
}

/**
 * The layers feeding one functional layer, in call order, from its `inbound_nodes` in any of the
 * forms Keras writes: Keras 1/2 and tfjs `[[["conv2d", 0, 0, {}], ...]]`, and Keras 3
 * `[{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["conv2d", 0, 0]}}], "kwargs": {}}]`
 * (a merge layer's args hold a list of tensors). A layer called more than once (shared weights) or a
 * multi-output layer cannot be drawn as one block, so both are refused.
 */
export function inboundSources(value: unknown, path: string, layer: string): InboundRef[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new KerasImportError(path, `expected a list of calls, got ${show(value)}`, layer);
  if (value.length === 0) return [];
  if (value.length > 1)
    throw new KerasImportError(
      path,
      `the layer is called ${value.length} times (shared weights); NetCanvas needs each layer used once`,
      layer,
    );
  const node: unknown = value[0];
  const nodePath = `${path}[0]`;
  if (Array.isArray(node)) return node.map((t, j) => keras2Ref(t, `${nodePath}[${j}]`, layer));
  if (isObject(node) && Array.isArray(node.args))
    return keras3Refs(node.args, `${nodePath}.args`, layer);
  throw new KerasImportError(
    nodePath,
    `expected a list of input tensors or {"args": [...]}, got ${show(node)}`,
    layer,
  );
}

function keras2Ref(t: unknown, path: string, layer: string): InboundRef {
  if (!Array.isArray(t) || t.length < 3 || t.length > 4 || typeof t[0] !== 'string')
    throw new KerasImportError(path, `expected ["layer_name", 0, 0, {}], got ${show(t)}`, layer);
  return history(t[0], t[1], t[2], path, layer);
}

function history(
  name: string,
  nodeIndex: unknown,
  tensorIndex: unknown,
  path: string,
  layer: string,
): InboundRef {
  if (nodeIndex !== 0)
    throw new KerasImportError(
      path,
      `uses call ${show(nodeIndex)} of "${name}" (a shared layer); NetCanvas needs each layer used once`,
      layer,
    );
  if (tensorIndex !== 0)
    throw new KerasImportError(
      path,
      `uses output ${show(tensorIndex)} of "${name}"; layers with several outputs are not supported`,
      layer,
    );
  return { name, path };
}

/** Keras tensors anywhere in a Keras 3 node's args, in order (walked without recursion). */
function keras3Refs(args: readonly unknown[], path: string, layer: string): InboundRef[] {
  const out: InboundRef[] = [];
  const stack: [unknown, string][] = args
    .map((a, i): [unknown, string] => [a, `${path}[${i}]`])
    .reverse();
  while (stack.length > 0) {
    const [v, p] = stack.pop() as [unknown, string];
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${p}[${i}]`]);
      continue;
    }
    if (!isObject(v) || v.class_name !== '__keras_tensor__') continue;
    const h = isObject(v.config) ? v.config.keras_history : undefined;
    if (!Array.isArray(h) || h.length !== 3 || typeof h[0] !== 'string')
      throw new KerasImportError(
        `${p}.config.keras_history`,
        `expected ["layer_name", 0, 0], got ${show(h)}`,
        layer,
      );
    out.push(history(h[0], h[1], h[2], p, layer));
  }
  return out;
}
