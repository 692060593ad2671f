import { useMemo } from 'react';
import type { Augmentation } from '../../shared/training/augmentation';
import { augmentImage, augmentationRandom } from '../../shared/training/augmentation';
import type { DatasetPreview } from '../../shared/training/datasetTypes';
import { PixelCanvas } from './PixelCanvas';

/**
 * The sample images as training will see them under `augmentation`: one seeded random draw each,
 * with the same function the training worker applies to every training batch.
 */
export function AugmentedStrip({
  preview,
  augmentation,
  seed,
}: {
  preview: DatasetPreview;
  augmentation: Augmentation;
  seed: number;
}) {
  const images = useMemo(() => {
    const random = augmentationRandom(seed);
    return preview.images.map((img) => {
      const out = new Array<number>(img.pixels.length).fill(0);
      augmentImage(img.pixels, out, 0, preview.shape, augmentation, random);
      return out.map((v) => Math.round(v));
    });
  }, [preview, augmentation, seed]);
  return (
    <ul className="nc-strip" aria-label="Augmented samples">
      {images.map((pixels, i) => (
        <li key={i}>
          <PixelCanvas
            pixels={pixels}
            shape={preview.shape}
            label={`augmented sample ${i + 1}`}
            size={48}
          />
        </li>
      ))}
    </ul>
  );
}
