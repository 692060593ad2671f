import type { DenseStep } from '../../shared/insight/denseStep';
import { symmetricLimit } from '../../shared/insight/divergingScale';
import { StepTotals } from './ConvStepView';
import { cellStyle } from './NumberGrid';
import { formatValue } from './ScaleLegend';

/** One Dense unit: the inputs that contribute most, their weights, and the rest summed. */
export function DenseStepView({ step, hasBias }: { step: DenseStep; hasBias: boolean }) {
  const limit = symmetricLimit(step.top.map((t) => t.product));
  const others = step.inputs - step.top.length;
  return (
    <>
      <table className="nc-step-dense" aria-label="Inputs that contribute most">
        <thead>
          <tr>
            <th scope="col">input</th>
            <th scope="col">value</th>
            <th scope="col">× weight</th>
            <th scope="col">= product</th>
          </tr>
        </thead>
        <tbody>
          {step.top.map((t) => (
            <tr key={t.index}>
              <th scope="row">{`#${t.index + 1}`}</th>
              <td>{formatValue(t.input)}</td>
              <td>{formatValue(t.weight)}</td>
              <td style={cellStyle(t.product, limit)}>{formatValue(t.product)}</td>
            </tr>
          ))}
          {others > 0 && (
            <tr>
              <th scope="row">{`the other ${others.toLocaleString('en-US')}`}</th>
              <td colSpan={2} />
              <td>{formatValue(step.rest)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <StepTotals
        sum={step.sum}
        sumLabel={`Σ of all ${step.inputs.toLocaleString('en-US')} products`}
        bias={hasBias ? step.bias : null}
        z={step.z}
        activation={step.activation}
        value={step.value}
        modelValue={step.modelValue}
      />
    </>
  );
}
