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

function Bars({ histogram, label }: { histogram: WeightHistogram; label: string }) {
  const top = Math.max(1, ...histogram.bins);
  return (
    <figure aria-label={label}>
      <figcaption>{`${label}: ${histogram.min.toFixed(3)} to ${histogram.max.toFixed(3)}`}</figcaption>
      <div className="nc-insight-histogram">
        {histogram.bins.map((n, i) => (
          <span key={i} title={String(n)} style={{ height: `${(100 * n) / top}%` }} />
        ))}
      </div>
    </figure>
  );
}

/** A histogram of each weight tensor before and after training, side by side, with its range. */
export function WeightHistograms({ before = [], after = [] }: { before?: readonly WeightHistogram[]; after?: readonly WeightHistogram[] }) {
  const key = (h: WeightHistogram) => `${h.layer}/${h.weight}`;
  const keys = [...new Set([...before.map(key), ...after.map(key)])];
  return (
    <section aria-label="Weights before and after training">
      <h4>Weights before and after training</h4>
      {keys.map((k) => {
        const b = before.find((h) => key(h) === k);
        const a = after.find((h) => key(h) === k);
        const any = a ?? b;
        if (!any) return null;
        return (
          <div key={k} className="nc-insight-weights" role="group" aria-label={`${any.layer} ${any.weight}`}>
            <h5>{`${any.layer} ${any.weight}: ${any.count.toLocaleString('en-US')} weights`}</h5>
            {b && <Bars histogram={b} label="before" />}
            {a && <Bars histogram={a} label="after" />}
          </div>
        );
      })}
    </section>
  );
}
