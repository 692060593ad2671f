import type { Reconstruction } from '../../shared/training/task';
import { PixelCanvas } from './PixelCanvas';
import type { RunView } from './runView';

/** The newest reconstructions of a run: the test result's, else the latest epoch's. */
export function latestReconstructions(
  run: Pick<RunView, 'epochs' | 'result'>,
): { readonly images: readonly Reconstruction[]; readonly epoch: number | null } | null {
  if (run.result?.reconstructions) return { images: run.result.reconstructions, epoch: null };
  for (let i = run.epochs.length - 1; i >= 0; i--) {
    const e = run.epochs[i];
    if (e?.reconstructions) return { images: e.reconstructions, epoch: e.epoch };
  }
  return null;
}

/** The shape to draw `length` pixels in: the data set's when it fits, else a square grayscale image. */
export function imageShape(
  shape: readonly [number, number, number] | null,
  length: number,
): readonly [number, number, number] {
  const side = Math.round(Math.sqrt(length));
  return shape && shape[0] * shape[1] * shape[2] === length ? shape : [side, side, 1];
}

/**
 * An autoencoder's test images, each beside what the network drew from it, refreshed at every
 * epoch end: the reconstruction loss made visible.
 */
export function ReconstructionStrip({
  run,
  shape,
}: {
  run: Pick<RunView, 'epochs' | 'result'>;
  shape: readonly [number, number, number] | null;
}) {
  const latest = latestReconstructions(run);
  if (!latest) return null;
  const first = latest.images[0];
  const imgShape = imageShape(shape, first?.input.length ?? 0);
  return (
    <section className="nc-reconstructions" aria-label="Test images and their reconstruction">
      <h4>
        {latest.epoch === null
          ? 'Test images and their reconstruction'
          : `Test images and their reconstruction after epoch ${latest.epoch}`}
      </h4>
      <ul className="nc-reconstruction-grid">
        {latest.images.map((r) => (
          <li key={r.index}>
            <PixelCanvas pixels={r.input} shape={imgShape} label={`test image ${r.index}`} />
            <PixelCanvas
              pixels={r.output}
              shape={imgShape}
              label={`reconstruction of test image ${r.index}`}
            />
            <span className="nc-reconstruction-caption">input · reconstruction</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
