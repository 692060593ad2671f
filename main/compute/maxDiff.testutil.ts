/**
 * The largest absolute difference between two equally long lists of numbers (a backend's result
 * against the cpu reference), or Infinity when their lengths differ. Shared by the compute tests.
 */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = a.length === b.length ? 0 : Infinity;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return m;
}
