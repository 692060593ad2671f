import type { LayerNode, ParamValue } from '../../shared/graph/types';
import { layerDef, resolveParams } from '../../shared/layers/catalogue';

/** The settings a block shows on its face, in this order when present. */
const KEY_PARAMS = [
  'shape',
  'filters',
  'units',
  'kernel_size',
  'pool_size',
  'strides',
  'padding',
  'rate',
  'target_shape',
  'axis',
  'activation',
  'negative_slope',
];

function show(v: unknown): string {
  if (Array.isArray(v)) return (v as ParamValue[]).join('×');
  return String(v);
}

/** "32 filters · 3×3 · valid · relu": a block's key settings in one line. */
export function keySettings(node: LayerNode): string {
  const def = layerDef(node.type);
  if (!def) return '';
  const { values, errors } = resolveParams(def, node.params);
  const parts: string[] = [];
  for (const key of KEY_PARAMS) {
    if (!(key in values)) continue;
    // A setting being typed that does not read yet: say so rather than show the default in its place.
    if (errors.some((e) => e.param === key)) {
      parts.push(`${key} invalid`);
      continue;
    }
    const v = values[key];
    if (v === null || v === undefined || (key === 'activation' && v === 'linear')) continue;
    if (key === 'strides' && show(v) === '1×1') continue;
    parts.push(
      key === 'filters'
        ? `${show(v)} filters`
        : key === 'units'
          ? `${show(v)} units`
          : key === 'rate'
            ? `rate ${show(v)}`
            : show(v),
    );
  }
  return parts.join(' · ');
}
