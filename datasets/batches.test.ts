import { describe, expect, it } from 'vitest';
import { batchCount, epochOrder, iterateBatches, planSamples, selectSamples } from './batches';
import type { LoadedDataset, Split } from './loadedDataset';
import { mulberry32, shuffledRange } from './seededRandom';

/** n samples of 2×2×1 whose pixels are all `i % 256` and whose label is i % 10. */
function splitOf(n: number): Split {
  const images = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) images.fill(i % 256, i * 4, i * 4 + 4);
  return {
    images,
    labels: Uint8Array.from({ length: n }, (_, i) => i % 10),
    count: n,
    shape: [2, 2, 1],
  };
}

const sorted = (a: Uint32Array) => [...a].sort((x, y) => x - y);

describe('seeded shuffling', () => {
  it('repeats with the same seed and differs with another', () => {
    expect([...shuffledRange(100, 7)]).toEqual([...shuffledRange(100, 7)]);
    expect([...shuffledRange(100, 7)]).not.toEqual([...shuffledRange(100, 8)]);
  });

  it('is a permutation that actually moves things', () => {
    const order = shuffledRange(1000, 42);
    expect(sorted(order)).toEqual([...Array(1000).keys()]);
    expect(order.filter((v, i) => v === i).length).toBeLessThan(10);
  });

  it('draws floats in [0, 1) that average one half', () => {
    const random = mulberry32(1);
    const draws = Array.from({ length: 10_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((a, b) => a + b) / draws.length).toBeCloseTo(0.5, 1);
  });
});

describe('choosing samples (--limit, --validation-split)', () => {
  it('holds out the last tenth of the shuffled samples for validation', () => {
    const { train, validation } = selectSamples(1000, { seed: 1, validationSplit: 0.1 });
    expect([train.length, validation.length]).toEqual([900, 100]);
    expect(sorted(Uint32Array.from([...train, ...validation]))).toEqual([...Array(1000).keys()]);
    expect(validation.some((i) => i < 900)).toBe(true); // not just the end of the file
  });

  it('caps the samples after shuffling, so every class is still there', () => {
    const labels = splitOf(60_000).labels;
    const { train, validation } = selectSamples(60_000, {
      seed: 3,
      limit: 200,
      validationSplit: 0.2,
    });
    expect([train.length, validation.length]).toEqual([160, 40]);
    expect(new Set([...train].map((i) => labels[i])).size).toBe(10);
    expect(Math.max(...train)).toBeGreaterThan(1000);
  });

  it('takes the same samples for the same seed, other ones for another', () => {
    const a = selectSamples(5000, { seed: 11, limit: 100 });
    expect([...a.train]).toEqual([...selectSamples(5000, { seed: 11, limit: 100 }).train]);
    expect([...a.train]).not.toEqual([...selectSamples(5000, { seed: 12, limit: 100 }).train]);
  });

  it.each([
    [10, { seed: 0, limit: 50 }, [10, 0]],
    [10, { seed: 0, validationSplit: 0.25 }, [7, 3]], // as Keras: int(10 * 0.75) = 7
    [1, { seed: 0, validationSplit: 0.5 }, [1, 0]],
    [0, { seed: 0, validationSplit: 0.5 }, [0, 0]],
  ] as const)('%i samples with %o → %o', (count, opts, sizes) => {
    const { train, validation } = selectSamples(count, opts);
    expect([train.length, validation.length]).toEqual(sizes);
  });

  it.each([{ validationSplit: 1 }, { validationSplit: -0.1 }, { limit: 0 }, { limit: 2.5 }])(
    'refuses %o',
    (opts) => {
      expect(() => selectSamples(10, { seed: 0, ...opts })).toThrow(RangeError);
    },
  );

  it('validates on a held-out split when the data set has one', () => {
    const dataset: LoadedDataset = {
      info: {
        ref: { kind: 'mnist' },
        title: 't',
        inputShape: [2, 2, 1],
        classNames: [],
        trainCount: 50,
        testCount: 0,
        source: '',
      },
      train: splitOf(50),
      test: splitOf(0),
      validation: splitOf(7),
    };
    const plan = planSamples(dataset, { seed: 0, limit: 20, validationSplit: 0.5 });
    expect(plan.validationSource).toBe('heldOut');
    expect(plan.train.indices).toHaveLength(20);
    expect(plan.validation?.split).toBe(dataset.validation);
    expect(plan.validation?.indices).toHaveLength(7);
    const carved = planSamples(
      { ...dataset, validation: undefined },
      { seed: 0, validationSplit: 0.2 },
    );
    expect([
      carved.validationSource,
      carved.train.indices.length,
      carved.validation?.indices.length,
    ]).toEqual(['split', 40, 10]);
    expect(planSamples({ ...dataset, validation: undefined }, { seed: 0 }).validation).toBeNull();
  });

  it('reshuffles every epoch, the same way on a rerun', () => {
    const indices = selectSamples(500, { seed: 5 }).train;
    const e0 = epochOrder(indices, 5, 0);
    expect([...e0]).toEqual([...epochOrder(indices, 5, 0)]);
    expect([...e0]).not.toEqual([...epochOrder(indices, 5, 1)]);
    expect(sorted(e0)).toEqual(sorted(indices));
  });
});

describe('batches', () => {
  it('scales uint8 pixels to [0, 1] as value / 255', () => {
    const split = splitOf(256);
    const [batch] = iterateBatches(split, [0, 51, 255, 128], { batchSize: 4 });
    expect(batch?.pixels.length).toBe(16);
    expect([0, 4, 8, 12].map((i) => batch?.pixels[i])).toEqual([
      0,
      Math.fround(0.2),
      1,
      Math.fround(128 / 255),
    ]);
  });

  it('gives exactly value / 255 in float32 for every uint8 value', () => {
    const split: Split = {
      images: Uint8Array.from({ length: 256 }, (_, v) => v),
      labels: new Uint8Array(1),
      count: 1,
      shape: [16, 16, 1],
    };
    const [batch] = iterateBatches(split, null, { batchSize: 1 });
    const wrong = [...(batch?.pixels ?? [])].filter((x, v) => x !== Math.fround(v / 255));
    expect(wrong).toEqual([]);
  });

  it('follows the given order and ends with a smaller batch', () => {
    const split = splitOf(10);
    const order = [9, 3, 4, 0, 7, 1, 2];
    const got = [];
    // Read each batch before taking the next: its buffers are reused.
    for (const b of iterateBatches(split, order, { batchSize: 3, oneHotClasses: 10 })) {
      got.push({
        size: b.size,
        labels: [...b.labels],
        firstPixels: [...Array(b.size).keys()].map((i) =>
          Math.round((b.pixels[i * 4] ?? -1) * 255),
        ),
        hot: [...Array(b.size).keys()].map((i) =>
          b.oneHot?.subarray(i * 10, i * 10 + 10).indexOf(1),
        ),
        ones: b.oneHot?.reduce((a, v) => a + v, 0),
      });
    }
    expect(got).toEqual([
      { size: 3, labels: [9, 3, 4], firstPixels: [9, 3, 4], hot: [9, 3, 4], ones: 3 },
      { size: 3, labels: [0, 7, 1], firstPixels: [0, 7, 1], hot: [0, 7, 1], ones: 3 },
      { size: 1, labels: [2], firstPixels: [2], hot: [2], ones: 1 },
    ]);
    expect(batchCount(order.length, 3)).toBe(3);
  });

  it('walks the whole split in file order without an order, with int32 labels and no one-hot', () => {
    const batches = [...iterateBatches(splitOf(5), null, { batchSize: 64 })];
    expect(batches).toHaveLength(1);
    expect(batches[0]?.labels).toBeInstanceOf(Int32Array);
    expect([...(batches[0]?.labels ?? [])]).toEqual([0, 1, 2, 3, 4]);
    expect(batches[0]?.oneHot).toBeNull();
  });

  it('reuses one buffer for every full batch (no allocation per batch)', () => {
    const buffers = new Set(
      [...iterateBatches(splitOf(64), null, { batchSize: 16 })].map((b) => b.pixels.buffer),
    );
    expect(buffers.size).toBe(1);
  });
});
