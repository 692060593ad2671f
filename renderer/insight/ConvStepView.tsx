import { useMemo, useState } from 'react';
import { ACTIVATION_FORMULAS } from '../../shared/insight/activationFunction';
import type { ConvStep } from '../../shared/insight/convStep';
import { symmetricLimit } from '../../shared/insight/divergingScale';
import type { LayerArithmetic } from '../../shared/insight/layerArithmetic';
import { NumberGrid } from './NumberGrid';
import { paddedChannel } from './paddedInput';
import { formatValue } from './ScaleLegend';
import { ValueCanvas } from './ValueCanvas';

/** How many input channels are spelled out before "Show all". */
const FIRST_CHANNELS = 4;

/** The input channel with the window's taps outlined, zero border included. */
export function WindowOnInput({
  a,
  taps,
  channel,
  label,
}: {
  a: LayerArithmetic;
  taps: readonly { row: number; col: number }[];
  channel: number;
  label: string;
}) {
  const padded = useMemo(() => paddedChannel(a, channel), [a, channel]);
  const limit = useMemo(() => symmetricLimit(padded.values), [padded]);
  const marks = useMemo(
    () => taps.map((t) => ({ row: t.row + padded.top, col: t.col + padded.left })),
    [taps, padded],
  );
  return (
    <figure className="nc-step-figure">
      <ValueCanvas
        rows={padded.rows}
        cols={padded.cols}
        values={padded.values}
        limit={limit}
        label={label}
        size={Math.min(220, Math.max(120, padded.cols * 8))}
        marks={marks}
      />
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** Σ, bias and activation, with the learner's numbers, and the model's own value beside it. */
export function StepTotals({
  sum,
  sumLabel,
  bias,
  z,
  activation,
  value,
  modelValue,
}: {
  sum: number;
  sumLabel: string;
  bias: number | null;
  z: number;
  activation: string;
  value: number;
  modelValue: number;
}) {
  const agree = Math.abs(value - modelValue) <= 1e-4;
  return (
    <dl className="nc-step-totals">
      <dt>{sumLabel}</dt>
      <dd>{formatValue(sum)}</dd>
      {bias !== null && (
        <>
          <dt>+ bias</dt>
          <dd>{`${formatValue(sum)} + ${formatValue(bias)} = ${formatValue(z)}`}</dd>
        </>
      )}
      <dt>{`activation: ${activation}`}</dt>
      <dd>{`${ACTIVATION_FORMULAS[activation] ?? activation} with z = ${formatValue(z)} gives ${formatValue(value)}`}</dd>
      <dt>the network’s own value</dt>
      <dd
        data-agree={agree ? 'yes' : 'no'}
      >{`${formatValue(modelValue)} ${agree ? '✓ the same, to within 0.0001' : `✗ differs by ${formatValue(Math.abs(value - modelValue))}`}`}</dd>
    </dl>
  );
}

/** One Conv2D cell: the window on each input channel, the kernel, the products and their sum. */
export function ConvStepView({ a, step }: { a: LayerArithmetic; step: ConvStep }) {
  const [all, setAll] = useState(false);
  const [kh, kw] = a.window?.kernelSize ?? [1, 1];
  const inputLimit = useMemo(() => symmetricLimit(a.input.values), [a]);
  const weightLimit = useMemo(() => symmetricLimit(a.kernel?.values ?? []), [a]);
  const productLimit = Math.max(...step.channels.map((c) => symmetricLimit(c.products)));
  const border = step.taps.map((t) => !t.inside);
  const shown = all ? step.channels : step.channels.slice(0, FIRST_CHANNELS);
  const cin = step.channels.length;
  return (
    <>
      <WindowOnInput
        a={a}
        taps={step.taps}
        channel={0}
        label={`The window on input channel 1 of ${cin}${border.some(Boolean) ? ', zero border drawn' : ''}`}
      />
      <ol className="nc-step-channels" aria-label="Input channels">
        {shown.map((c, i) => (
          <li key={i} aria-label={`input channel ${i + 1}`}>
            <span className="nc-step-channel-name">{`channel ${i + 1}`}</span>
            <NumberGrid
              label={`window, channel ${i + 1}`}
              rows={kh}
              cols={kw}
              values={c.input}
              limit={inputLimit}
              border={border}
            />
            <span aria-hidden="true">×</span>
            <NumberGrid
              label={`weights, channel ${i + 1}`}
              rows={kh}
              cols={kw}
              values={c.weights}
              limit={weightLimit}
            />
            <span aria-hidden="true">=</span>
            <NumberGrid
              label={`products, channel ${i + 1}`}
              rows={kh}
              cols={kw}
              values={c.products}
              limit={productLimit}
            />
            <span>{`Σ ${formatValue(c.sum)}`}</span>
          </li>
        ))}
      </ol>
      {cin > FIRST_CHANNELS && (
        <button type="button" className="nc-link" onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST_CHANNELS} channels` : `Show all ${cin} channels`}
        </button>
      )}
      <StepTotals
        sum={step.sum}
        sumLabel={`Σ of the ${kh * kw * cin} products${cin > 1 ? ` over ${cin} channels` : ''}`}
        bias={a.bias ? step.bias : null}
        z={step.z}
        activation={step.activation}
        value={step.value}
        modelValue={step.modelValue}
      />
    </>
  );
}
