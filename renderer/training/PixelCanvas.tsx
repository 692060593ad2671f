import { useEffect, useRef } from 'react';

export interface PixelCanvasProps {
  /** uint8 values, height × width × channels (1 grayscale, 3 RGB). */
  readonly pixels: readonly number[];
  readonly shape: readonly [number, number, number];
  /** Accessible name ("a 7", "predicted 3, true 5"); `null` when a surrounding control names it. */
  readonly label: string | null;
  /** On-screen size in CSS pixels (the image is scaled without smoothing). */
  readonly size?: number;
}

/** One data-set image drawn on a canvas, pixel for pixel. */
export function PixelCanvas({ pixels, shape, label, size = 56 }: PixelCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [height, width, channels] = shape;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return; // no 2-D canvas (tests without one): the label still names the image
    const image = ctx.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      const at = i * channels;
      const r = pixels[at] ?? 0;
      image.data[i * 4] = r;
      image.data[i * 4 + 1] = channels >= 3 ? (pixels[at + 1] ?? 0) : r;
      image.data[i * 4 + 2] = channels >= 3 ? (pixels[at + 2] ?? 0) : r;
      image.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }, [pixels, width, height, channels]);
  return (
    <canvas
      ref={ref}
      className="nc-pixels"
      width={width}
      height={height}
      role={label === null ? undefined : 'img'}
      aria-label={label ?? undefined}
      aria-hidden={label === null ? true : undefined}
      style={{ width: size, height: (size * height) / width }}
    />
  );
}
