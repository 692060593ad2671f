import { useId } from 'react';
import { Slider } from 'radix-ui';
import { useChartSmoothing } from './chartSmoothing';

/** TensorBoard's smoothing slider for the per-batch curves: 0 shows each batch as it was. */
export function SmoothingControl() {
  const weight = useChartSmoothing((s) => s.weight);
  const setWeight = useChartSmoothing((s) => s.setWeight);
  const labelId = useId();
  return (
    <div className="nc-chart-tools">
      <span id={labelId}>Smoothing</span>
      <Slider.Root
        className="nc-smoothing"
        min={0}
        max={0.99}
        step={0.01}
        value={[weight]}
        onValueChange={([v]) => setWeight(v ?? 0)}
        aria-labelledby={labelId}
      >
        <Slider.Track className="nc-smoothing-track">
          <Slider.Range className="nc-smoothing-range" />
        </Slider.Track>
        <Slider.Thumb
          className="nc-smoothing-thumb"
          aria-label="Smoothing"
          aria-valuetext={weight === 0 ? 'off: each batch as it was' : weight.toFixed(2)}
        />
      </Slider.Root>
      <span className="nc-smoothing-value" aria-hidden="true">
        {weight.toFixed(2)}
      </span>
    </div>
  );
}
