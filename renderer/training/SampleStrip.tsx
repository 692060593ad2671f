import type { DatasetPreview } from '../../shared/training/datasetTypes';
import { PixelCanvas } from './PixelCanvas';

/** A row of sample images, each with its class name. */
export function SampleStrip({
  preview,
  classNames,
}: {
  preview: DatasetPreview;
  classNames: readonly string[];
}) {
  return (
    <ul className="nc-strip" aria-label="Sample images">
      {preview.images.map((img, i) => {
        const name = classNames[img.label] ?? String(img.label);
        return (
          <li key={i}>
            <PixelCanvas
              pixels={img.pixels}
              shape={preview.shape}
              label={`sample of class ${name}`}
              size={48}
            />
            <span>{name}</span>
          </li>
        );
      })}
    </ul>
  );
}
