import { useState } from 'react';
import type { CellImages } from '../../shared/insight/mistakes';
import { useBackendQuery } from '../backend/useBackendQuery';
import { SaliencyImage } from './SaliencyImage';
import './insight.css';

/** How many of a cell's images are shown: enough to see a pattern, few enough to read. */
export const MISTAKES_SHOWN = 20;

export interface MistakesProps {
  readonly runId: string;
  readonly trueClass: number;
  readonly predictedClass: number;
  readonly classNames: readonly string[];
  readonly shape: readonly [number, number, number];
  /** Makes an image the Insight view's input. */
  readonly onLookInside?: (image: {
    readonly pixels: readonly number[];
    readonly caption: string;
  }) => void;
  readonly onClose: () => void;
}

/**
 * "Mistakes": the test images of one confusion-matrix cell, the ones the network was surest of
 * first, each with a saliency map (where a change of the pixels would move the predicted class's
 * probability most) and "Look inside".
 */
export function Mistakes({
  runId,
  trueClass,
  predictedClass,
  classNames,
  shape,
  onLookInside,
  onClose,
}: MistakesProps) {
  const { data: answer, error } = useBackendQuery<CellImages>(
    (api) => api.cellImages(runId, trueClass, predictedClass, MISTAKES_SHOWN),
    [runId, trueClass, predictedClass],
  );
  const [overlay, setOverlay] = useState(true);
  const name = (i: number) => classNames[i] ?? String(i);
  const right = trueClass === predictedClass;
  const title = right
    ? `${name(trueClass)} read correctly`
    : `${name(trueClass)} read as ${name(predictedClass)}`;
  return (
    <section className="nc-mistakes" aria-label="Mistakes">
      <div className="nc-step-head">
        <h4>
          {answer
            ? `${title}: ${answer.total.toLocaleString('en-US')} test image${answer.total === 1 ? '' : 's'}${answer.total > answer.images.length ? `, the ${answer.images.length} surest shown` : ''}`
            : title}
        </h4>
        <button type="button" className="nc-link" onClick={onClose}>
          Close
        </button>
      </div>
      {error && <p role="alert">{`These images could not be read: ${error}`}</p>}
      {!answer && !error && <p role="status">Finding the images and where the network looked…</p>}
      {answer && answer.images.length > 0 && (
        <>
          <label className="nc-insight-note">
            <input type="checkbox" checked={overlay} onChange={() => setOverlay(!overlay)} /> Show
            where the network looked (saliency: red where a change of the pixel moves the
            probability of {name(predictedClass)} most)
          </label>
          <ol className="nc-mistakes-grid">
            {answer.images.map((m) => (
              <li key={m.index}>
                <SaliencyImage
                  pixels={m.pixels}
                  shape={shape}
                  saliency={overlay ? m.saliency : null}
                  label={`test image ${m.index}: ${Math.round(m.confidence * 100)}% sure it is ${name(predictedClass)}`}
                  size={72}
                />
                <span>{`${(m.confidence * 100).toFixed(1)}% ${name(predictedClass)}`}</span>
                {onLookInside && (
                  <button
                    type="button"
                    className="nc-link"
                    aria-label={`Look inside with test image ${m.index}`}
                    onClick={() =>
                      onLookInside({
                        pixels: m.pixels,
                        caption: `test image ${m.index} (true ${name(trueClass)})`,
                      })
                    }
                  >
                    Look inside
                  </button>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {answer && answer.images.length === 0 && <p>No test image fell in this cell.</p>}
    </section>
  );
}
