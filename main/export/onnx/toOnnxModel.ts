// The canvas graph and its weights as an ONNX model (opset 13), encoded with onnx-proto's
// generated protobuf types. The graph's inputs take channels-last images, as Keras's do, and its
// outputs are named after the Keras layers that produce them.
import onnxProto from 'onnx-proto';
import type { onnx } from 'onnx-proto';
import { inferGraph } from '../../../shared/graph/inferGraph';
import type { Graph, Shape } from '../../../shared/graph/types';
import { KerasExportError } from '../../../shared/keras/kerasExportError';
import { layerOrder } from '../../../shared/keras/layerOrder';
import { layerDef, resolveParams } from '../../../shared/layers/catalogue';
import type { OnnxValue, WeightTensor } from './onnxGraphBuilder';
import { OnnxGraphBuilder } from './onnxGraphBuilder';
import { onnxConverter } from './onnxLayers';

const { ModelProto, TensorProto } = onnxProto.onnx;

/** The operator set written: 13 has Softmax over one axis, as Keras's softmax is. */
export const ONNX_OPSET = 13;
/** The IR version that goes with opset 13 (ONNX 1.8). */
const IR_VERSION = 7;

/** Each layer's weights by Keras layer name, then by weight name (`kernel`, `bias`, `gamma`, …). */
export type ModelWeights = ReadonlyMap<string, ReadonlyMap<string, WeightTensor>>;

export interface OnnxModelInput {
  readonly graph: Graph;
  readonly name: string;
  readonly weights: ModelWeights;
  /** Stored in the model's metadata when known (`class_names`, a JSON list). */
  readonly classNames?: readonly string[];
  readonly producerVersion?: string;
}

/**
 * Checks that every layer of `graph` has an ONNX converter.
 *
 * @throws OnnxExportError naming the first layer that has none
 */
export function assertOnnxExportable(graph: Graph): void {
  for (const node of graph.nodes) if (node.type !== 'InputLayer') onnxConverter(node);
}

function valueInfo(name: string, shape: Shape): onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: TensorProto.DataType.FLOAT,
        shape: { dim: shape.map((d) => (d === null ? { dimParam: 'batch' } : { dimValue: d })) },
      },
    },
  };
}

/**
 * Encodes the graph, with `weights`, as an ONNX model file's bytes.
 *
 * @throws KerasExportError when the graph has errors; OnnxExportError naming a layer ONNX export cannot write
 */
export function toOnnxModel(input: OnnxModelInput): Uint8Array {
  const { graph } = input;
  const report = inferGraph(graph);
  if (!report.ok) throw new KerasExportError(report.issues.filter((i) => i.severity === 'error'));
  const b = new OnnxGraphBuilder();
  const values = new Map<string, OnnxValue>();
  const inputs: onnx.IValueInfoProto[] = [];
  for (const node of layerOrder(graph)) {
    const shape = report.nodes.get(node.id)?.outputShape;
    if (!shape) throw new Error(`internal: layer '${node.name}' has no output shape`);
    if (node.type === 'InputLayer') {
      inputs.push(valueInfo(b.name(node.name), shape));
      values.set(node.id, { name: node.name, shape, layout: 'nhwc' });
      continue;
    }
    const def = layerDef(node.type);
    const sources = graph.edges
      .filter((e) => e.target === node.id)
      .map((e) => values.get(e.source));
    const convert = onnxConverter(node);
    values.set(
      node.id,
      convert({
        node,
        params: def ? resolveParams(def, node.params).values : node.params,
        inputs: sources.filter((v): v is OnnxValue => v !== undefined),
        outputShape: shape,
        weights: input.weights.get(node.name) ?? new Map(),
        b,
      }),
    );
  }
  // Outputs in Keras's layout, named after their layers.
  const outputs = report.outputIds.map((id) => {
    const node = graph.nodes.find((n) => n.id === id);
    const value = values.get(id);
    if (!node || !value) throw new Error(`internal: output ${id} was not converted`);
    b.op('Identity', [b.toLayout(value, 'nhwc').name], {}, b.name(node.name));
    return valueInfo(node.name, value.shape);
  });
  const model: onnx.IModelProto = {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    producerName: 'NetCanvas',
    producerVersion: input.producerVersion ?? '',
    docString: `${input.name}: a network built in NetCanvas. Inputs are channels-last (NHWC) like Keras, pixels scaled to 0–1.`,
    graph: {
      name: input.name,
      node: b.nodes,
      initializer: b.initializers,
      input: inputs,
      output: outputs,
    },
    metadataProps: input.classNames
      ? [{ key: 'class_names', value: JSON.stringify(input.classNames) }]
      : [],
  };
  return ModelProto.encode(model).finish();
}
