import { formatCount, formatPercent } from './format';

export interface ConfusionMatrixProps {
  /** confusion[true][predicted] counts. */
  readonly confusion: readonly (readonly number[])[];
  readonly classNames: readonly string[];
  readonly perClassAccuracy: readonly number[];
}

/** The confusion matrix as a table: rows are true classes, columns predictions; the diagonal is right. */
export function ConfusionMatrix({ confusion, classNames, perClassAccuracy }: ConfusionMatrixProps) {
  const name = (i: number) => classNames[i] ?? String(i);
  const max = Math.max(1, ...confusion.flat());
  return (
    <table className="nc-confusion">
      <caption>Confusion matrix: rows are the true class, columns what the network predicted</caption>
      <thead>
        <tr>
          <th scope="col">true \ predicted</th>
          {confusion.map((_, j) => (
            <th key={j} scope="col">
              {name(j)}
            </th>
          ))}
          <th scope="col">class accuracy</th>
        </tr>
      </thead>
      <tbody>
        {confusion.map((row, i) => (
          <tr key={i}>
            <th scope="row">{name(i)}</th>
            {row.map((n, j) => (
              <td
                key={j}
                className={i === j ? 'nc-diag' : n > 0 ? 'nc-off' : undefined}
                // The shade says how many at a glance; the number stays the exact count.
                style={{ ['--nc-shade' as string]: (n / max).toFixed(3) }}
              >
                {formatCount(n)}
              </td>
            ))}
            <td>{formatPercent(perClassAccuracy[i])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
