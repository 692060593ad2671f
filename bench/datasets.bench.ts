// Data-set loading and batching speed: how long a learner waits for MNIST, and how many images
// per second the batch iterator scales on the training hot path.
// Run: node --import tsx bench/datasets.bench.ts
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { epochOrder, iterateBatches, selectSamples } from '../datasets/batches';
import { CIFAR10_RECORD_BYTES, cifarRecordsToHwc } from '../datasets/cifar10';
import { FASHION_MNIST_DIR, loadFashionMnist } from '../datasets/fashionMnist';
import { loadImageFolder } from '../datasets/imageFolder';
import { describeMnist, loadMnist } from '../datasets/mnist';

const MB = 1024 * 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function timeIt(runs: number, f: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

// 1. Loading MNIST (uncompressed IDX, 47 MB + 7.8 MB) and Fashion-MNIST (gzipped IDX).
const mnistBytes = (60_000 + 10_000) * 784 + 70_000;
const mnistMs = await timeIt(5, loadMnist);
console.log(
  `load MNIST:           ${mnistMs.toFixed(1)} ms  (${(mnistBytes / MB / (mnistMs / 1000)).toFixed(0)} MB/s of pixels)`,
);
console.log(
  `describe MNIST:       ${(await timeIt(20, describeMnist)).toFixed(2)} ms  (headers only)`,
);
if (existsSync(FASHION_MNIST_DIR)) {
  const ms = await timeIt(3, () => loadFashionMnist());
  console.log(
    `load Fashion-MNIST:   ${ms.toFixed(1)} ms  (${(mnistBytes / MB / (ms / 1000)).toFixed(0)} MB/s of pixels, gunzip included)`,
  );
} else {
  console.log(`load Fashion-MNIST:   skipped (${FASHION_MNIST_DIR} missing)`);
}

// 2. One epoch of batches over the shuffled MNIST training set: uint8 → float32 / 255 + one-hot.
const { train } = await loadMnist();
const { train: indices } = selectSamples(train.count, { seed: 42, validationSplit: 0.1 });
for (const batchSize of [32, 64, 256]) {
  let epoch = 0;
  const ms = await timeIt(5, () => {
    let checksum = 0;
    for (const b of iterateBatches(train, epochOrder(indices, 42, epoch++), {
      batchSize,
      oneHotClasses: 10,
    }))
      checksum += b.pixels[0] ?? 0;
    return checksum;
  });
  const perSecond = indices.length / (ms / 1000);
  console.log(
    `batch epoch (${batchSize}):    ${ms.toFixed(1)} ms for ${indices.length} images  ` +
      `(${(perSecond / 1e6).toFixed(2)} M images/s, ${((perSecond * 784 * 4) / MB).toFixed(0)} MB/s float32 out)`,
  );
}
// For scale: the obvious per-image way (a new Float32Array per image, divided in a map callback).
const naiveMs = await timeIt(3, () => {
  let checksum = 0;
  for (let i = 0; i < indices.length; i++) {
    const s = indices[i]! * 784;
    checksum += Float32Array.from(train.images.subarray(s, s + 784), (v) => v / 255)[0] ?? 0;
  }
  return checksum;
});
console.log(
  `naive per-image map:  ${naiveMs.toFixed(1)} ms for ${indices.length} images  (${(indices.length / (naiveMs / 1000) / 1e6).toFixed(2)} M images/s)`,
);

// 3. CIFAR-10 plane → pixel reordering of one 10,000-record batch (30 MB), in memory.
const records = new Uint8Array(10_000 * CIFAR10_RECORD_BYTES).map((_, i) =>
  i % 10 === 0 ? 1 : i & 255,
);
for (let r = 0; r < 10_000; r++) records[r * CIFAR10_RECORD_BYTES] = r % 10;
const images = new Uint8Array(10_000 * 3072);
const labels = new Uint8Array(10_000);
const cifarMs = await timeIt(5, () => cifarRecordsToHwc(records, images, labels, 0));
console.log(
  `CIFAR batch to HWC:   ${cifarMs.toFixed(1)} ms per 10,000 images  (${(records.length / MB / (cifarMs / 1000)).toFixed(0)} MB/s)`,
);

// 4. An image folder: 2 classes × 150 PNGs of 64×48, decoded and resized to 32×32 RGB.
const dir = mkdtempSync(join(tmpdir(), 'netcanvas-bench-'));
try {
  for (const cls of ['hotdog', 'not_hotdog']) {
    mkdirSync(join(dir, cls));
    for (let i = 0; i < 150; i++) {
      const noise = Buffer.from(
        Array.from({ length: 64 * 48 * 3 }, (_, k) => (k * 31 + i * 7) & 255),
      );
      await sharp(noise, { raw: { width: 64, height: 48, channels: 3 } })
        .png()
        .toFile(join(dir, cls, `${i}.png`));
    }
  }
  const ms = await timeIt(3, () =>
    loadImageFolder({ kind: 'folder', path: dir, imageSize: [32, 32], color: 'rgb' }),
  );
  console.log(
    `image folder:         ${ms.toFixed(0)} ms for 300 PNGs  (${(300 / (ms / 1000)).toFixed(0)} images/s)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
