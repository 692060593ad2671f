import type { LayerKernels, WeightHistogram } from '../../shared/explain/insightData';
import { PixelCanvas } from '../training/PixelCanvas';

/** Each Conv2D layer's filters as small images (light = large weight). */
export function KernelImages({ kernels }: { kernels: readonly LayerKernels[] }) {
  return (
    <>
      {kernels.map((k) => {
        const [kh, kw] = k.size;
        return (
          <section key={k.layer} aria-label={`Kernels of ${k.layer}`}>
            <h4>{`${k.layer}: ${k.filters} kernels of ${kh}×${kw}×${k.inChannels}`}</h4>
            <div className="nc-insight-grid">
              {Array.from({ length: k.filters }, (_, f) => (
                <PixelCanvas key={f} pixels={k.values.slice(f * kh * kw, (f + 1) * kh * kw).map((v) => Math.round(v * 255))} shape={[kh, kw, 1]} label={`${k.layer} kernel ${f + 1}`} size={32} />
              ))}
            </div>
          </section>
        );
      })}
    </>
  );
}

/** A histogram of each weight tensor as bars, with its range. */
export function WeightHistograms({ histograms, title }: { histograms: readonly WeightHistogram[]; title: string }) {
  return (
    <section aria-label={title}>
      <h4>{title}</h4>
      {histograms.map((h) => {
        const top = Math.max(1, ...h.bins);
        return (
          <figure key={`${h.layer}/${h.weight}`} aria-label={`${h.layer} ${h.weight}`}>
            <figcaption>{`${h.layer} ${h.weight}: ${h.count.toLocaleString('en-US')} weights from ${h.min.toFixed(3)} to ${h.max.toFixed(3)}`}</figcaption>
            <div className="nc-insight-histogram">
              {h.bins.map((n, i) => (
                <span key={i} title={String(n)} style={{ height: `${(100 * n) / top}%` }} />
              ))}
            </div>
          </figure>
        );
      })}
    </section>
  );
}
