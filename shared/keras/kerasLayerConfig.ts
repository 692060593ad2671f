import type { LayerNode, Shape } from '../graph/types';
import { layerDef, resolveParams } from '../layers/catalogue';

/** One layer as Keras serialises it: its class and its config. */
export interface KerasLayerConfig {
  readonly class_name: string;
  readonly config: Record<string, unknown>;
}

/**
 * The Keras config of one block: `name`, `trainable` and `dtype` as Keras 2 and tfjs write them,
 * then the layer's own fields (`toKeras` of its resolved params). InputLayer gets no `trainable`,
 * exactly as Keras writes it. Throws for a layer type NetCanvas does not know; export checks the
 * graph first.
 *
 * `outputShape` (the layer's inferred output) lets a Reshape's `-1` be written as the size Keras
 * computes: tfjs-layers 4.22 leaves it unknown (its Reshape counts the batch `null` as an unknown
 * input size; tensorflow/tfjs#2719, never merged), and then cannot build a Dense after it.
 */
export function kerasLayerConfig(node: LayerNode, outputShape?: Shape): KerasLayerConfig {
  const def = layerDef(node.type);
  if (!def) throw new Error(`internal: cannot export unknown layer type "${node.type}"`);
  const { values } = resolveParams(def, node.params);
  const fields = def.toKeras ? def.toKeras(values as never) : { ...values };
  if (def.kerasClass === 'Reshape' && outputShape && outputShape.slice(1).every((d) => d !== null))
    fields.target_shape = outputShape.slice(1);
  const base =
    def.kerasClass === 'InputLayer'
      ? { name: node.name }
      : { name: node.name, trainable: true, dtype: 'float32' };
  return { class_name: def.kerasClass, config: plainJson({ ...base, ...fields }) };
}

/** Copies readonly tuples into plain arrays so the config is ordinary, mutable JSON. */
function plainJson(v: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
}
