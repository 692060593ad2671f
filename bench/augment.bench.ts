// What data augmentation adds to each training batch (it runs in the training worker, between
// gathering a batch and handing it to tfjs). Augmentation off costs nothing: the loop skips it.
// Run: node --import tsx bench/augment.bench.ts
import { batchAugmenter } from '../datasets/augmentBatch';

const SETTINGS = { shift: 0.1, rotation: 0.05, zoom: 0.1, flip: true };
for (const [name, shape] of [
  ['MNIST 28×28×1', [28, 28, 1]],
  ['CIFAR-10 32×32×3', [32, 32, 3]],
] as const) {
  const size = shape[0] * shape[1] * shape[2];
  const pixels = Float32Array.from({ length: 64 * size }, (_, i) => (i % 255) / 255);
  const augment = batchAugmenter(SETTINGS, shape, 42);
  if (!augment) throw new Error('augmentation is on');
  for (let i = 0; i < 20; i++) augment(pixels, 64, 1, i); // warm up
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    augment(pixels, 64, 2, i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name}, batch of 64: median ${times[50]?.toFixed(2)} ms, p90 ${times[90]?.toFixed(2)} ms`,
  );
}
