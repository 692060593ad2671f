import type { ConfusionResult } from '../../shared/training/runEvents';
import { PixelCanvas } from './PixelCanvas';

export interface PredictionGridProps {
  readonly result: ConfusionResult;
  readonly classNames: readonly string[];
  readonly shape: readonly [number, number, number] | null;
  /** Makes each image the Insight view's input ("Look inside"), when given. */
  readonly onLookInside?: (image: {
    readonly pixels: readonly number[];
    readonly caption: string;
  }) => void;
}

/** Test images titled "predicted (true)" like the tutorials' plot; red where the network was wrong. */
export function PredictionGrid({ result, classNames, shape, onLookInside }: PredictionGridProps) {
  const name = (i: number) => classNames[i] ?? String(i);
  const images = result.misclassified;
  if (images.length === 0) return <p>Every test image was classified correctly.</p>;
  // Without the data set's shape, a square grayscale image is the only safe reading of the pixels.
  const length = images[0]?.pixels.length ?? 0;
  const side = Math.round(Math.sqrt(length));
  const imgShape =
    shape && shape[0] * shape[1] * shape[2] === length ? shape : ([side, side, 1] as const);
  return (
    <section className="nc-predictions" aria-label="Test images, predicted (true)">
      <h4>Test images the network got wrong: predicted (true)</h4>
      <ul className="nc-prediction-grid">
        {images.map((m) => {
          const wrong = m.predicted !== m.trueLabel;
          const title = `${name(m.predicted)} (${name(m.trueLabel)})`;
          return (
            <li key={m.index} className={wrong ? 'nc-wrong' : 'nc-right'}>
              <span className="nc-prediction-title">{title}</span>
              <PixelCanvas
                pixels={m.pixels}
                shape={imgShape}
                label={`test image ${m.index}: predicted ${name(m.predicted)}, true ${name(m.trueLabel)}`}
              />
              <span className="nc-prediction-confidence">
                {Math.round((m.probabilities[m.predicted] ?? 0) * 100)}% sure
              </span>
              {onLookInside && (
                <button
                  type="button"
                  className="nc-link"
                  aria-label={`Look inside with test image ${m.index}`}
                  onClick={() =>
                    onLookInside({
                      pixels: m.pixels,
                      caption: `test image ${m.index} (true ${name(m.trueLabel)})`,
                    })
                  }
                >
                  Look inside
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
