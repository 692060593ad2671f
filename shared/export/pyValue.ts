/** Python literal for a value: tuples for pairs and shapes, True/False, None, double-quoted strings. */
export function pyValue(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v))
    return v.length === 1 ? `(${pyValue(v[0])},)` : `(${v.map(pyValue).join(', ')})`;
  return JSON.stringify(v);
}
