import { useState } from 'react';
import type { LayerKernels, WeightHistogram } from '../../shared/explain/insightData';
import { cssRgb, divergingRgb, symmetricLimit } from '../../shared/insight/divergingScale';
import { barsOnRange, sharedRange } from '../../shared/insight/histogramBars';
import { formatValue, ScaleLegend } from './ScaleLegend';
import { ValueCanvas } from './ValueCanvas';

/** The kernels' weights as they were (not 0..1): each tap is the mean over input channels. */
const rawKernels = (k: LayerKernels): number[] => k.values.map((v) => k.min + v * (k.max - k.min));

/** One kernel's weights as numbers, each cell coloured on the layer's scale. */
function KernelNumbers({
  k,
  filter,
  raw,
  limit,
  labelPrefix,
}: {
  k: LayerKernels;
  filter: number;
  raw: readonly number[];
  limit: number;
  labelPrefix: string;
}) {
  const [kh, kw] = k.size;
  return (
    <figure
      className="nc-kernel-numbers"
      aria-label={`${labelPrefix}${k.layer} kernel ${filter + 1}, enlarged`}
    >
      <figcaption>{`Kernel ${filter + 1} of ${k.layer}${k.inChannels > 1 ? `: each number is the mean over its ${k.inChannels} input channels` : ''}`}</figcaption>
      <table>
        <tbody>
          {Array.from({ length: kh }, (_, y) => (
            <tr key={y}>
              {Array.from({ length: kw }, (_, x) => {
                const v = raw[filter * kh * kw + y * kw + x] ?? 0;
                const rgb = divergingRgb(v, limit);
                // Dark text on light cells, light on dark, so every number stays readable.
                const dark = rgb[0] * 0.299 + rgb[1] * 0.587 + rgb[2] * 0.114 < 140;
                return (
                  <td key={x} style={{ background: cssRgb(rgb), color: dark ? '#fff' : '#111' }}>
                    {v.toFixed(3)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function LayerKernelImages({ k, labelPrefix }: { k: LayerKernels; labelPrefix: string }) {
  const [open, setOpen] = useState<number | null>(null);
  const [kh, kw] = k.size;
  const raw = rawKernels(k);
  const limit = symmetricLimit(raw);
  return (
    <section aria-label={`${labelPrefix}Kernels of ${k.layer}`}>
      <div className="nc-insight-heading">
        <h4>{`${k.layer}: ${k.filters} kernels of ${kh}×${kw}×${k.inChannels}`}</h4>
        <ScaleLegend limit={limit} label={`${labelPrefix}Scale of ${k.layer} kernels`} />
      </div>
      <div className="nc-insight-grid">
        {Array.from({ length: k.filters }, (_, f) => (
          <button
            key={f}
            type="button"
            className="nc-kernel"
            aria-label={`${labelPrefix}${k.layer} kernel ${f + 1}`}
            aria-pressed={open === f}
            onClick={() => setOpen(open === f ? null : f)}
          >
            <ValueCanvas
              rows={kh}
              cols={kw}
              values={raw}
              offset={f * kh * kw}
              limit={limit}
              label={`${labelPrefix}${k.layer} kernel ${f + 1} image`}
              size={Math.max(32, kw * 8)}
            />
          </button>
        ))}
      </div>
      {open !== null && (
        <KernelNumbers k={k} filter={open} raw={raw} limit={limit} labelPrefix={labelPrefix} />
      )}
    </section>
  );
}

/**
 * Each Conv2D layer's filters on the diverging scale; a click enlarges one with its numbers.
 * `labelPrefix` goes before every accessible name (the training replay's copy).
 */
export function KernelImages({
  kernels,
  labelPrefix = '',
}: {
  kernels: readonly LayerKernels[];
  labelPrefix?: string;
}) {
  return (
    <>
      {kernels.map((k) => (
        <LayerKernelImages key={k.layer} k={k} labelPrefix={labelPrefix} />
      ))}
    </>
  );
}

function Bars({
  histogram,
  label,
  range,
  tallest,
}: {
  histogram: WeightHistogram;
  label: string;
  range: { min: number; max: number };
  tallest: number;
}) {
  return (
    <figure aria-label={label}>
      <figcaption>{`${label}: ${histogram.min.toFixed(3)} to ${histogram.max.toFixed(3)}`}</figcaption>
      <div className="nc-insight-histogram">
        {barsOnRange(histogram, range, tallest).map((b, i) => (
          <span
            key={i}
            title={`${b.count} between ${formatValue(b.from)} and ${formatValue(b.to)}`}
            style={{
              left: `${100 * b.left}%`,
              width: `${100 * b.width}%`,
              height: `${100 * b.height}%`,
            }}
          />
        ))}
      </div>
      <div className="nc-insight-axis" aria-hidden="true">
        <span>{formatValue(range.min)}</span>
        <span>{formatValue(range.max)}</span>
      </div>
    </figure>
  );
}

/** A histogram of each weight tensor before and after training, side by side on one x range. */
export function WeightHistograms({
  before = [],
  after = [],
}: {
  before?: readonly WeightHistogram[];
  after?: readonly WeightHistogram[];
}) {
  const key = (h: WeightHistogram) => `${h.layer}/${h.weight}`;
  const keys = [...new Set([...before.map(key), ...after.map(key)])];
  return (
    <section aria-label="Weights before and after training">
      <h4>Weights before and after training</h4>
      <p className="nc-insight-note">
        Each pair shares its x axis and its bar heights, so you see how far training spread the
        weights.
      </p>
      {keys.map((k) => {
        const b = before.find((h) => key(h) === k);
        const a = after.find((h) => key(h) === k);
        const any = a ?? b;
        if (!any) return null;
        const range = sharedRange([b, a]);
        const tallest = Math.max(1, ...(b?.bins ?? []), ...(a?.bins ?? []));
        return (
          <div
            key={k}
            className="nc-insight-weights"
            role="group"
            aria-label={`${any.layer} ${any.weight}`}
            data-range={`${range.min} ${range.max}`}
          >
            <h5>{`${any.layer} ${any.weight}: ${any.count.toLocaleString('en-US')} weights`}</h5>
            {b && <Bars histogram={b} label="before" range={range} tallest={tallest} />}
            {a && <Bars histogram={a} label="after" range={range} tallest={tallest} />}
          </div>
        );
      })}
    </section>
  );
}
