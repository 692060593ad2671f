// The WebGPU path end to end on a software adapter (SwiftShader's Vulkan driver from Chromium):
// forward and backward of a small matmul + conv network agree with tfjs's cpu backend.
import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startWebgpuBackend } from './webgpuBackend';
import { errorMessage } from '../../shared/errors/errorMessage';
import { maxDiff } from './maxDiff.testutil';

const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** Loss of conv (same, stride 2) → relu → matmul, with its gradients for input and both weights. */
async function step(): Promise<number[][]> {
  const outputs = tf.tidy(() => {
    const x = tf.randomNormal([2, 7, 7, 2], 0, 1, 'float32', 11);
    const k = tf.randomNormal([3, 2, 2, 3], 0, 0.4, 'float32', 12);
    const w = tf.randomNormal([4 * 4 * 3, 5], 0, 0.2, 'float32', 13);
    const f = (xi: tf.Tensor, ki: tf.Tensor, wi: tf.Tensor) =>
      tf
        .matMul(
          tf.relu(tf.conv2d(xi as tf.Tensor4D, ki as tf.Tensor4D, 2, 'same')).reshape([2, -1]),
          wi,
        )
        .square()
        .mean();
    const grads = tf.grads(f)([x, k, w]);
    return [f(x, k, w), ...grads];
  });
  // Async reads: tfjs-backend-webgpu's dataSync needs OffscreenCanvas, which Node lacks.
  const values = await Promise.all(outputs.map(async (t) => Array.from(await t.data())));
  tf.dispose(outputs);
  return values;
}

let adapterProblem = '';
let reference: number[][] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
  reference = await step();
  // Vulkan reads these when Dawn creates its instance, so they must be set before that.
  if (existsSync(SWIFTSHADER_ICD)) process.env.VK_ICD_FILENAMES ??= SWIFTSHADER_ICD;
  process.env.XDG_RUNTIME_DIR ??= '/tmp';
  try {
    await startWebgpuBackend({ allowSoftwareAdapter: true });
  } catch (e) {
    adapterProblem = errorMessage(e);
  }
}, 60_000);

describe('WebGPU backend on Dawn', () => {
  it('refuses a software adapter unless asked to accept it', async () => {
    if (adapterProblem) return;
    // Here the only adapter is SwiftShader: auto selection must not train on it.
    await expect(startWebgpuBackend()).rejects.toThrow(/software one \(.*swiftshader/i);
  });

  it('matches the cpu backend for forward and backward of conv + matmul', async (ctx) => {
    if (adapterProblem) {
      ctx.skip(`no WebGPU adapter could be created here: ${adapterProblem}`);
      return;
    }
    expect(tf.getBackend()).toBe('webgpu');
    const got = await step();
    const names = ['loss', 'dInput', 'dKernel', 'dWeights'];
    got.forEach((values, i) => {
      // float32 on both sides, sums in another order: within 1e-4 of values of size ~1.
      expect(maxDiff(values, reference[i] ?? []), names[i]).toBeLessThan(1e-4);
    });
  });
});
