/**
 * Evaluates an explanation's arithmetic as written (`floor((28 − 3 + 0) / 1) + 1`,
 * `784 × 128 weights + 128 biases`), so tests can check the printed numbers add up.
 * Words other than floor/ceil name quantities and are skipped; anything else throws.
 */
export function evaluateExpression(expression: string): number {
  const tokens =
    expression
      .replace(/(\d),(\d{3})/g, '$1$2')
      .match(/\d+(?:\.\d+)?|floor|ceil|[a-z-]+|[+−×/()]|\S/gi)
      ?.filter((t) => t === 'floor' || t === 'ceil' || !/^[a-z][a-z-]*$/i.test(t)) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected?: string) => {
    const t = tokens[i++];
    if (t === undefined || (expected !== undefined && t !== expected))
      throw new Error(`expected ${expected ?? 'more'} in ${expression}`);
    return t;
  };
  const atom = (): number => {
    const t = take();
    if (t === '(' || t === 'floor' || t === 'ceil') {
      if (t !== '(') take('(');
      const v = sum();
      take(')');
      return t === 'floor' ? Math.floor(v) : t === 'ceil' ? Math.ceil(v) : v;
    }
    if (!/^\d/.test(t)) throw new Error(`unexpected ${t} in ${expression}`);
    return Number(t);
  };
  const product = (): number => {
    let v = atom();
    while (peek() === '×' || peek() === '/') v = take() === '×' ? v * atom() : v / atom();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (peek() === '+' || peek() === '−') v = take() === '+' ? v + product() : v - product();
    return v;
  };
  const v = sum();
  if (i !== tokens.length)
    throw new Error(`trailing ${tokens.slice(i).join(' ')} in ${expression}`);
  return v;
}
