import { useState } from 'react';
import { Mistakes } from '../insight/Mistakes';
import type { MistakesProps } from '../insight/Mistakes';
import { formatCount, formatPercent } from './format';

export interface ConfusionMatrixProps {
  /** confusion[true][predicted] counts. */
  readonly confusion: readonly (readonly number[])[];
  readonly classNames: readonly string[];
  readonly perClassAccuracy: readonly number[];
  /**
   * The run whose model answered, and its image shape: each cell then opens its test images
   * ("Mistakes"), which can be looked inside.
   */
  readonly mistakes?: Pick<MistakesProps, 'runId' | 'shape' | 'onLookInside'>;
}

/** The confusion matrix as a table: rows are true classes, columns predictions; the diagonal is right. */
export function ConfusionMatrix({
  confusion,
  classNames,
  perClassAccuracy,
  mistakes,
}: ConfusionMatrixProps) {
  const [cell, setCell] = useState<readonly [number, number] | null>(null);
  const name = (i: number) => classNames[i] ?? String(i);
  const max = Math.max(1, ...confusion.flat());
  return (
    <>
      <table className="nc-confusion">
        <caption>{`Confusion matrix: rows are the true class, columns what the network predicted${mistakes ? '; click a count to see its images' : ''}`}</caption>
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
                  data-selected={cell?.[0] === i && cell[1] === j ? 'true' : undefined}
                >
                  {mistakes && n > 0 ? (
                    <button
                      type="button"
                      className="nc-confusion-cell"
                      aria-label={`${formatCount(n)} test images of ${name(i)} predicted as ${name(j)}`}
                      onClick={() => setCell([i, j])}
                    >
                      {formatCount(n)}
                    </button>
                  ) : (
                    formatCount(n)
                  )}
                </td>
              ))}
              <td>{formatPercent(perClassAccuracy[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mistakes && cell && (
        <Mistakes
          key={cell.join(',')}
          {...mistakes}
          trueClass={cell[0]}
          predictedClass={cell[1]}
          classNames={classNames}
          onClose={() => setCell(null)}
        />
      )}
    </>
  );
}
