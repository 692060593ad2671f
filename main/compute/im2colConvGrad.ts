// Conv2D's gradients as matrix products (im2col), for NetCanvas's WebGPU step: tfjs-backend-webgpu's
// Conv2DBackpropFilter and Conv2DBackpropInput kernels bound models B and C on a GPU, its matmul
// and forward convolution (itself im2col + matmul) are fast. Stride 1, no dilation, NHWC only.
import * as tf from '@tensorflow/tfjs';

interface Conv2DAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | object;
  dataFormat: 'NHWC' | 'NCHW';
  dilations: number | [number, number];
}

const pair = (v: number | [number, number]): [number, number] => (Array.isArray(v) ? v : [v, v]);

/** Whether {@link im2colConv2dGrad} computes this convolution's gradients. */
export function im2colApplies(attrs: Conv2DAttrs): boolean {
  const [sh, sw] = pair(attrs.strides);
  const [dh, dw] = pair(attrs.dilations);
  return (
    sh === 1 &&
    sw === 1 &&
    dh === 1 &&
    dw === 1 &&
    attrs.dataFormat === 'NHWC' &&
    (attrs.pad === 'valid' || attrs.pad === 'same')
  );
}

/** d(loss)/d(x) and d(loss)/d(filter) of `conv2d(x, filter)` for `dy`, as `{ x, filter }` thunks. */
export function im2colConv2dGrad(
  dy: tf.Tensor4D,
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  attrs: Conv2DAttrs,
): { x: () => tf.Tensor; filter: () => tf.Tensor } {
  const [kh, kw, cin, cout] = filter.shape;
  const [n, oh, ow] = dy.shape;
  const same = attrs.pad === 'same';
  const top = same ? Math.floor((kh - 1) / 2) : 0;
  const left = same ? Math.floor((kw - 1) / 2) : 0;
  const bottom = same ? kh - 1 - top : 0;
  const right = same ? kw - 1 - left : 0;
  return {
    filter: () =>
      tf.tidy(() => {
        const xp = same
          ? tf.pad(x, [
              [0, 0],
              [top, bottom],
              [left, right],
              [0, 0],
            ])
          : x;
        const slices: tf.Tensor4D[] = [];
        for (let i = 0; i < kh; i++)
          for (let j = 0; j < kw; j++) slices.push(tf.slice(xp, [0, i, j, 0], [n, oh, ow, cin]));
        const patches = tf.reshape(
          slices.length === 1 ? (slices[0] as tf.Tensor4D) : tf.concat(slices, 3),
          [n * oh * ow, kh * kw * cin],
        );
        return tf.reshape(tf.matMul(patches, tf.reshape(dy, [n * oh * ow, cout]), true, false), [
          kh,
          kw,
          cin,
          cout,
        ]);
      }),
    x: () =>
      tf.tidy(() => {
        const dyp = tf.pad(dy, [
          [0, 0],
          [kh - 1 - top, kh - 1 - bottom],
          [kw - 1 - left, kw - 1 - right],
          [0, 0],
        ]);
        const flipped = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]);
        return tf.conv2d(dyp, flipped, 1, 'valid');
      }),
  };
}

interface GradConfigLike {
  kernelName: string;
  inputsToSave?: string[];
  gradFunc: (
    dy: tf.Tensor | tf.Tensor[],
    saved: tf.Tensor[],
    attrs: Record<string, unknown>,
  ) => Record<string, () => tf.Tensor>;
}

/** tfjs's gradient registry (a global map by kernel name), which `tf.registerGradient` writes with a warning. */
function gradRegistry(): Map<string, GradConfigLike> | undefined {
  return (tf.env().global as { _tfGlobals?: Map<string, unknown> })._tfGlobals?.get(
    'gradRegistry',
  ) as Map<string, GradConfigLike> | undefined;
}

/**
 * Makes Conv2D's gradient {@link im2colConv2dGrad} (where it applies; tfjs's otherwise) for the
 * kernels recorded until the returned function restores tfjs's. tfjs looks a gradient up when it
 * records a kernel on the tape, so this wraps the forward pass of a gradients call.
 */
export function useIm2colConvGrad(): () => void {
  const registry = gradRegistry();
  const stock = registry?.get('Conv2D');
  if (!registry || !stock) return () => undefined;
  registry.set('Conv2D', {
    ...stock,
    gradFunc: (dy, saved, attrs) => {
      const [x, filter] = saved;
      const a = attrs as unknown as Conv2DAttrs;
      if (Array.isArray(dy) || !x || !filter || !im2colApplies(a))
        return stock.gradFunc(dy, saved, attrs);
      return im2colConv2dGrad(dy as tf.Tensor4D, x as tf.Tensor4D, filter as tf.Tensor4D, a);
    },
  });
  return () => registry.set('Conv2D', stock);
}
