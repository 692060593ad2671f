/**
 * mulberry32: a tiny, fast 32-bit PRNG, plenty for shuffling (not for cryptography). The same
 * seed gives the same sequence on every machine, which makes runs reproducible.
 * @returns a function giving floats in [0, 1)
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of `values` in place, drawing from `random`. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(
  values: T,
  random: () => number,
): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = values[i]!;
    values[i] = values[j]!;
    values[j] = t;
  }
  return values;
}

/** 0 … n − 1 in an order fixed by `seed`. */
export function shuffledRange(n: number, seed: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return shuffleInPlace(order, mulberry32(seed));
}

/** FNV-1a hash of a string: a stable seed derived from a name. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
