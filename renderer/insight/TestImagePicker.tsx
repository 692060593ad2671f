import { useState } from 'react';
import type { DatasetRef, TestImages } from '../../shared/training/datasetTypes';
import type { ConfusionResult } from '../../shared/training/runEvents';
import { useBackendQuery } from '../backend/useBackendQuery';
import { PixelCanvas } from '../training/PixelCanvas';

/** Test images shown per page of the picker. */
export const PICKER_PAGE = 12;

/** An input the learner picked: its pixels and a caption for "what the network receives". */
export interface PickedImage {
  readonly pixels: readonly number[];
  readonly caption: string;
}

export interface TestImagePickerProps {
  readonly dataset: DatasetRef;
  readonly shape: readonly [number, number, number];
  readonly classNames: readonly string[];
  /** The run's misclassified test images (from its results grid), offered first. */
  readonly misclassified: ConfusionResult['misclassified'];
  readonly onPick: (image: PickedImage) => void;
}

/**
 * Instead of drawing: any image of the test split, page by page, and the ones the network got
 * wrong. A click (or Enter) makes it the input of the insight views.
 */
export function TestImagePicker({
  dataset,
  shape,
  classNames,
  misclassified,
  onPick,
}: TestImagePickerProps) {
  const [start, setStart] = useState(0);
  const { data: page, error } = useBackendQuery<TestImages>(
    (api) => api.testImages(dataset, start, PICKER_PAGE),
    [dataset, start],
  );
  const name = (i: number) => classNames[i] ?? String(i);

  const total = page?.total ?? 0;
  return (
    <section className="nc-insight-picker" aria-label="Pick a test image">
      {misclassified.length > 0 && (
        <>
          <h4>Test images the network got wrong</h4>
          <ul className="nc-insight-thumbs">
            {misclassified.map((m) => (
              <li key={m.index}>
                <button
                  type="button"
                  className="nc-wrong"
                  onClick={() =>
                    onPick({
                      pixels: m.pixels,
                      caption: `test image ${m.index} (true ${name(m.trueLabel)})`,
                    })
                  }
                  aria-label={`Use test image ${m.index}: predicted ${name(m.predicted)}, true ${name(m.trueLabel)}`}
                >
                  <PixelCanvas pixels={m.pixels} shape={shape} label={null} size={36} />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>
        {total > 0
          ? `Test images ${start + 1}–${Math.min(total, start + PICKER_PAGE)} of ${total.toLocaleString('en-US')}`
          : 'Test images'}
      </h4>
      {error && <p role="alert">{error}</p>}
      <ul className="nc-insight-thumbs">
        {page?.images.map((img) => (
          <li key={img.index}>
            <button
              type="button"
              onClick={() =>
                onPick({
                  pixels: img.pixels,
                  caption: `test image ${img.index} (true ${name(img.label)})`,
                })
              }
              aria-label={`Use test image ${img.index}: a ${name(img.label)}`}
            >
              <PixelCanvas pixels={img.pixels} shape={page.shape} label={null} size={36} />
            </button>
          </li>
        ))}
      </ul>
      <div className="nc-insight-pager">
        <button
          type="button"
          disabled={start === 0}
          onClick={() => setStart(Math.max(0, start - PICKER_PAGE))}
        >
          Previous images
        </button>
        <button
          type="button"
          disabled={total === 0 || start + PICKER_PAGE >= total}
          onClick={() => setStart(start + PICKER_PAGE)}
        >
          Next images
        </button>
      </div>
    </section>
  );
}
