import { useMemo } from 'react';
import { symmetricLimit } from '../../shared/insight/divergingScale';
import type { LayerArithmetic } from '../../shared/insight/layerArithmetic';
import type { PoolStep } from '../../shared/insight/poolStep';
import { WindowOnInput } from './ConvStepView';
import { NumberGrid } from './NumberGrid';
import { formatValue } from './ScaleLegend';

/** One pooling cell: the window on its channel and its max or mean. */
export function PoolStepView({ a, step }: { a: LayerArithmetic; step: PoolStep }) {
  const [kh, kw] = a.window?.kernelSize ?? [1, 1];
  const limit = useMemo(() => symmetricLimit(a.input.values), [a]);
  const present = step.input.filter((v): v is number => v !== null);
  const agree = Math.abs(step.value - step.modelValue) <= 1e-4;
  const formula =
    step.kind === 'max'
      ? `max(${present.map(formatValue).join(', ')}) = ${formatValue(step.value)}`
      : `(${present.map(formatValue).join(' + ')}) / ${step.count} = ${formatValue(step.value)}`;
  return (
    <>
      <WindowOnInput
        a={a}
        taps={step.taps}
        channel={step.channel}
        label={`The window on input channel ${step.channel + 1}`}
      />
      <NumberGrid
        label="window"
        rows={kh}
        cols={kw}
        values={step.input}
        limit={limit}
        border={step.taps.map((t) => !t.inside)}
        chosen={step.chosen}
      />
      <dl className="nc-step-totals">
        <dt>
          {step.kind === 'max'
            ? 'the largest value in the window'
            : `the mean of the ${step.count} values inside the image`}
        </dt>
        <dd>{formula}</dd>
        <dt>the network’s own value</dt>
        <dd
          data-agree={agree ? 'yes' : 'no'}
        >{`${formatValue(step.modelValue)} ${agree ? '✓ the same, to within 0.0001' : '✗ differs'}`}</dd>
      </dl>
    </>
  );
}
