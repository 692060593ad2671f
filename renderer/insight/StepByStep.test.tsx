// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NetCanvasApi, Prediction } from '../../shared/api/backendApi';
import type { LayerArithmetic } from '../../shared/insight/layerArithmetic';
import { BackendProvider } from '../backend/useBackend';
import { InsightPanel } from './InsightPanel';
import { useInsightInput } from './insightInput';
import { createFakeApi } from '../backend/fakeApi';

// A 3×3 image through one 2×2 Conv2D (kernel [[1, 0], [0, −1]], bias 0.5, relu) and a Dense
// softmax: small enough to check every number on screen by hand.
const CONV: LayerArithmetic = {
  layer: 'edges',
  kerasClass: 'Conv2D',
  window: { kernelSize: [2, 2], strides: [1, 1], padding: 'valid', dilationRate: [1, 1] },
  activation: 'relu',
  input: { shape: [3, 3, 1], values: [0, 1, 2, 3, 4, 5, 6, 7, 8] },
  output: { shape: [2, 2, 1], values: [0, 0, 0, 0] },
  kernel: { shape: [2, 2, 1, 1], values: [1, 0, 0, -1] },
  bias: [0.5],
};
const DENSE: LayerArithmetic = {
  layer: 'out',
  kerasClass: 'Dense',
  window: null,
  activation: 'linear',
  input: { shape: [3], values: [1, 2, 3] },
  output: { shape: [2], values: [1.5, -2] },
  kernel: { shape: [3, 2], values: [1, 0, -1, 0, 0.5, -1] },
  bias: [1, 1],
};
const POOL: LayerArithmetic = {
  layer: 'pool',
  kerasClass: 'MaxPooling2D',
  window: { kernelSize: [2, 2], strides: [2, 2], padding: 'valid', dilationRate: [1, 1] },
  activation: 'linear',
  input: { shape: [2, 2, 1], values: [0, 3, 1, 2] },
  output: { shape: [1, 1, 1], values: [3] },
  kernel: null,
  bias: null,
};
const PREDICTION: Prediction = {
  probabilities: [0.5, 0.5],
  activations: {
    edges: { shape: [2, 2, 1], values: [0, 0, 0, 0] },
    pool: { shape: [1, 1, 1], values: [3] },
    out: { shape: [2], values: [1.5, -2] },
  },
};

function renderPanel() {
  const layerArithmetic = vi.fn<NetCanvasApi['layerArithmetic']>((_run, layer) =>
    Promise.resolve(layer === 'edges' ? CONV : layer === 'pool' ? POOL : DENSE),
  );
  // The one fake backend (a run without epoch snapshots), with this panel's answers.
  const api: NetCanvasApi = {
    ...createFakeApi(),
    predict: () => Promise.resolve(PREDICTION),
    layerArithmetic,
  };
  // A remembered input: the panel asks for its prediction on mount, as after a "Look inside".
  useInsightInput.setState({
    runId: 'run-1',
    input: { pixels: new Array<number>(9).fill(7), caption: 'test image 0' },
    ink: null,
  });
  render(
    <BackendProvider api={api}>
      <InsightPanel runId="run-1" inputShape={[3, 3, 1]} classNames={['a', 'b']} throttleMs={0} />
    </BackendProvider>,
  );
  return layerArithmetic;
}

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('cell')
    .map((c) => c.textContent);

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  // The maps are 2×2 cells on a 96-pixel square: the click below lands on row 2, column 1.
  vi.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue({
    left: 0,
    top: 0,
    width: 96,
    height: 96,
    right: 96,
    bottom: 96,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Convolution step by step', () => {
  it('opens on the clicked cell with its window, weights, products, sum, bias and activation', async () => {
    const layerArithmetic = renderPanel();
    fireEvent.click(await screen.findByRole('img', { name: 'edges map 1' }), {
      clientX: 10,
      clientY: 70,
    });
    const region = await screen.findByRole('region', { name: 'Convolution step by step' });
    expect(layerArithmetic).toHaveBeenCalledWith('run-1', 'edges', new Array(9).fill(7));
    await waitFor(() =>
      expect(within(region).getByRole('heading').textContent).toBe(
        'edges (Conv2D), map 1, row 2, column 1',
      ),
    );
    expect(region.textContent).toContain("2×2 window, stride 1×1, dilation 1×1, padding 'valid'");
    expect(cells(within(region).getByRole('table', { name: 'window, channel 1' }))).toEqual([
      '3',
      '4',
      '6',
      '7',
    ]);
    expect(cells(within(region).getByRole('table', { name: 'weights, channel 1' }))).toEqual([
      '1',
      '0',
      '0',
      '-1',
    ]);
    expect(cells(within(region).getByRole('table', { name: 'products, channel 1' }))).toEqual([
      '3',
      '0',
      '0',
      '-7',
    ]);
    expect(region.textContent).toContain('-4 + 0.5 = -3.5');
    expect(region.textContent).toContain('max(0, z) with z = -3.5 gives 0');
    expect(region.textContent).toContain('✓ the same');

    // Arrow keys move the window: up one row, then right one column.
    fireEvent.keyDown(region, { key: 'ArrowUp' });
    fireEvent.keyDown(region, { key: 'ArrowRight' });
    expect(within(region).getByRole('heading').textContent).toBe(
      'edges (Conv2D), map 1, row 1, column 2',
    );
    expect(cells(within(region).getByRole('table', { name: 'window, channel 1' }))).toEqual([
      '1',
      '2',
      '4',
      '5',
    ]);
    // At the edge it stays.
    fireEvent.keyDown(region, { key: 'ArrowRight' });
    expect(within(region).getByRole('heading').textContent).toBe(
      'edges (Conv2D), map 1, row 1, column 2',
    );
    // From a convolution to a pooling layer: the window and its max.
    fireEvent.click(screen.getByRole('button', { name: 'Step through pool' }));
    const pool = await screen.findByRole('region', { name: 'Convolution step by step' });
    await waitFor(() =>
      expect(within(pool).getByRole('heading').textContent).toBe(
        'pool (MaxPooling2D), map 1, row 1, column 1',
      ),
    );
    expect(pool.textContent).toContain('max(0, 3, 1, 2) = 3');
    expect(pool.textContent).toContain('✓ the same');
    fireEvent.keyDown(pool, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Convolution step by step' })).toBeNull();
  });

  it('explains a Dense unit by its largest contributions', async () => {
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Step through out' }));
    const region = await screen.findByRole('region', { name: 'Convolution step by step' });
    await waitFor(() =>
      expect(within(region).getByRole('heading').textContent).toBe('out (Dense), unit 1'),
    );
    const table = within(region).getByRole('table', { name: 'Inputs that contribute most' });
    // Unit 1's products: 1·1, 2·(−1), 3·0.5 → sorted by size: −2, 1.5, 1.
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['#2', '#3', '#1']);
    expect(region.textContent).toContain('0.5 + 1 = 1.5');
    expect(region.textContent).toContain('✓ the same');
    fireEvent.keyDown(region, { key: 'ArrowRight' });
    expect(within(region).getByRole('heading').textContent).toBe('out (Dense), unit 2');
    expect(region.textContent).toContain('-3 + 1 = -2');
  });
});
