import { useEffect, useRef } from 'react';

export interface SaliencyImageProps {
  /** height × width × channels, 0–255. */
  readonly pixels: readonly number[];
  readonly shape: readonly [number, number, number];
  /** height × width values 0..1, drawn in red over the image; none: the image alone. */
  readonly saliency: readonly number[] | null;
  readonly label: string;
  readonly size: number;
}

/** A test image with its saliency map laid over it: red where a pixel moves the score most. */
export function SaliencyImage({ pixels, shape, saliency, label, size }: SaliencyImageProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [h, w, c] = shape;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(w, h);
    for (let i = 0; i < w * h; i++) {
      const at = i * c;
      const grey = (k: number) => pixels[at + (c >= 3 ? k : 0)] ?? 0;
      // The image dimmed to 60%, then the saliency blended in as red, so both stay visible.
      const s = saliency?.[i] ?? 0;
      image.data[i * 4] = Math.round(grey(0) * 0.6 * (1 - s) + 255 * s);
      image.data[i * 4 + 1] = Math.round(grey(1) * 0.6 * (1 - s) + 40 * s);
      image.data[i * 4 + 2] = Math.round(grey(2) * 0.6 * (1 - s) + 40 * s);
      image.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }, [pixels, saliency, w, h, c]);
  return (
    <canvas
      ref={ref}
      className="nc-pixels"
      width={w}
      height={h}
      role="img"
      aria-label={label}
      style={{ width: size, height: (size * h) / w }}
    />
  );
}
