import { useEffect, useRef, useState } from 'react';
import type { DragEvent, PointerEvent } from 'react';
import { emptyInk, inkFromRgba, paintLine, type Ink } from './inkGrid';
import { errorMessage } from '../../shared/errors/errorMessage';

/** Ink resolution: 4× MNIST's 28 pixels, so averaging down gives soft edges like the data set's. */
export const PAD_SIZE = 112;
const BRUSH = 5;

/** Draws `ink` on a canvas when one is available (jsdom has none; the pad still works). */
function paint(canvas: HTMLCanvasElement | null, ink: Ink): void {
  const ctx = canvas?.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(ink.size, ink.size);
  ink.values.forEach((v, i) => {
    const g = Math.round(v * 255);
    image.data.set([g, g, g, 255], i * 4);
  });
  ctx.putImageData(image, 0, 0);
}

/** Decodes a dropped image file into ink, with the browser's own decoder. */
async function inkFromFile(file: File): Promise<Ink> {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = PAD_SIZE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot read images here.');
  ctx.drawImage(bitmap, 0, 0, PAD_SIZE, PAD_SIZE);
  return inkFromRgba(ctx.getImageData(0, 0, PAD_SIZE, PAD_SIZE).data, PAD_SIZE);
}

/** A square pad to draw a digit on with mouse, pen or finger, or to drop an image file onto. */
export function DrawPad({
  onInk,
  initialInk,
}: {
  onInk: (ink: Ink) => void;
  initialInk?: Ink | null;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const ink = useRef<Ink>(initialInk ?? emptyInk(PAD_SIZE));
  const last = useRef<{ x: number; y: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => paint(canvas.current, ink.current), []);

  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const scale = rect.width > 0 ? PAD_SIZE / rect.width : 1;
    return { x: (e.clientX - rect.left) * scale, y: (e.clientY - rect.top) * scale };
  };
  const stroke = (e: PointerEvent<HTMLCanvasElement>) => {
    const p = at(e);
    const from = last.current ?? p;
    paintLine(ink.current, from.x, from.y, p.x, p.y, BRUSH);
    last.current = p;
    paint(canvas.current, ink.current);
    onInk(ink.current);
  };
  const replace = (next: Ink) => {
    ink.current = next;
    paint(canvas.current, next);
    onInk(next);
  };
  const drop = (e: DragEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (!file) return;
    if (!file.type.startsWith('image/')) {
      setError(`${file.name} is not an image: drop a PNG or JPEG of a digit.`);
      return;
    }
    inkFromFile(file).then(
      (next) => {
        setError(null);
        replace(next);
      },
      (err: unknown) => setError(`Cannot read ${file.name}: ${errorMessage(err)}`),
    );
  };

  return (
    <div className="nc-drawpad">
      <canvas
        ref={canvas}
        width={PAD_SIZE}
        height={PAD_SIZE}
        role="img"
        aria-label="Drawing pad: draw a digit here or drop an image file"
        style={{ width: 224, height: 224, touchAction: 'none' }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture?.(e.pointerId);
          last.current = null;
          stroke(e);
        }}
        onPointerMove={(e) => {
          if (last.current) stroke(e);
        }}
        onPointerUp={() => (last.current = null)}
        onPointerLeave={() => (last.current = null)}
        onDragOver={(e) => e.preventDefault()}
        onDrop={drop}
      />
      <button type="button" onClick={() => replace(emptyInk(PAD_SIZE))}>
        Clear
      </button>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
