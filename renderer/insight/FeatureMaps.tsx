import { useEffect, useRef } from 'react';
import type { Prediction } from '../../shared/api/backendApi';
import { PixelCanvas } from '../training/PixelCanvas';

/** One channel of a feature map as 0–255 pixels, scaled by the layer's own range so maps compare. */
function channelPixels(values: readonly number[], h: number, w: number, c: number, channel: number, min: number, range: number): number[] {
  const out = new Array<number>(h * w);
  for (let i = 0; i < h * w; i++) out[i] = range > 0 ? Math.round((255 * ((values[i * c + channel] ?? 0) - min)) / range) : 0;
  return out;
}

function extent(values: readonly number[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length ? [min, max] : [0, 0];
}

/** An id for a layer's section, safe in a URL fragment and unique on the page. */
const sectionId = (name: string) => `nc-insight-layer-${name.replace(/[^\w-]/g, '_')}`;

function scrollTo(name: string): void {
  document.getElementById(sectionId(name))?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
}

/**
 * Each Conv2D/pooling layer's feature maps as a grid, and each Dense layer's activations as a
 * strip, with an index to jump between them. `focusLayer` (the block selected on the canvas) is
 * brought into view and marked.
 */
export function FeatureMaps({ activations, focusLayer = null }: { activations: Prediction['activations']; focusLayer?: string | null }) {
  const names = Object.keys(activations);
  const focused = focusLayer !== null && names.includes(focusLayer) ? focusLayer : null;
  // Scroll once per focus change, not on every prediction while the learner draws.
  const scrolled = useRef<string | null>(null);
  useEffect(() => {
    if (focused && scrolled.current !== focused) scrollTo(focused);
    scrolled.current = focused;
  }, [focused]);
  return (
    <div className="nc-insight-maps">
      <nav aria-label="Layers">
        {names.map((name) => (
          <button key={name} type="button" aria-current={name === focused ? 'true' : undefined} onClick={() => scrollTo(name)}>
            {name}
          </button>
        ))}
      </nav>
      {Object.entries(activations).map(([name, { shape, values }]) => {
        const [min, max] = extent(values);
        const title = `${name} ${shape.join('×')}`;
        const common = { id: sectionId(name), className: name === focused ? 'nc-insight-focused' : undefined, 'aria-current': name === focused ? ('true' as const) : undefined };
        if (shape.length === 3) {
          const [h = 0, w = 0, c = 0] = shape;
          return (
            <section key={name} aria-label={`Feature maps of ${name}`} {...common}>
              <h4>{title}</h4>
              <div className="nc-insight-grid">
                {Array.from({ length: c }, (_, ch) => (
                  <PixelCanvas key={ch} pixels={channelPixels(values, h, w, c, ch, min, max - min)} shape={[h, w, 1]} label={`${name} map ${ch + 1}`} size={40} />
                ))}
              </div>
            </section>
          );
        }
        return (
          <section key={name} aria-label={`Activations of ${name}`} {...common}>
            <h4>{title}</h4>
            <PixelCanvas pixels={channelPixels(values, 1, values.length, 1, 0, min, max - min)} shape={[1, values.length, 1]} label={`${name} activations`} size={Math.min(480, values.length * 6)} />
          </section>
        );
      })}
    </div>
  );
}
