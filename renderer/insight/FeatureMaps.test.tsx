// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Prediction } from '../../shared/api/backendApi';
import { FeatureMaps } from './FeatureMaps';

// A MobileNet-style block then a head: a convolution, a depthwise convolution, a normalisation, a
// merge, a global pooling and a Dense layer, with a Dropout left out.
const PREDICTION: Prediction = {
  probabilities: [0.5, 0.5],
  activations: {
    conv2d: { shape: [2, 2, 2], values: [1, -1, 2, -2, 3, -3, 4, -4], kerasClass: 'Conv2D' },
    depthwise_conv2d: {
      shape: [2, 2, 2],
      values: [0, 1, 0, 1, 0, 1, 0, 1],
      kerasClass: 'DepthwiseConv2D',
    },
    batch_normalization: {
      shape: [2, 2, 2],
      values: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      kerasClass: 'BatchNormalization',
    },
    add: { shape: [2, 2, 2], values: [1, 0, 2, 0, 3, 0, 4, 0], kerasClass: 'Add' },
    global_average_pooling2d: {
      shape: [2],
      values: [2.5, 0],
      kerasClass: 'GlobalAveragePooling2D',
    },
    dense: { shape: [2], values: [0.5, 0.5], kerasClass: 'Dense' },
  },
  leftOut: [
    {
      name: 'dropout',
      kerasClass: 'Dropout',
      reason: 'passes its input on unchanged when predicting',
    },
  ],
};

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('FeatureMaps', () => {
  it('draws every layer in the network’s order, each headed by its class, and says which are left out', () => {
    render(<FeatureMaps activations={PREDICTION.activations} leftOut={PREDICTION.leftOut} />);
    const index = screen.getByRole('navigation', { name: 'Layers' });
    expect(
      within(index)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'conv2d',
      'depthwise_conv2d',
      'batch_normalization',
      'add',
      'global_average_pooling2d',
      'dense',
    ]);
    const depthwise = screen.getByRole('region', { name: 'Feature maps of depthwise_conv2d' });
    expect(within(depthwise).getByRole('heading').textContent).toBe('depthwise_conv2d 2×2×2');
    expect(within(depthwise).getByText('DepthwiseConv2D').getAttribute('title')).toBe(
      'Convolution',
    );
    expect(within(depthwise).getAllByRole('img', { name: /depthwise_conv2d map/ })).toHaveLength(2);
    const merged = screen.getByRole('region', { name: 'Feature maps of add' });
    expect(within(merged).getByText('Add').getAttribute('title')).toBe('Merging');
    const pooled = screen.getByRole('region', { name: 'Activations of global_average_pooling2d' });
    expect(
      within(pooled).getByRole('img', { name: 'global_average_pooling2d activations' }),
    ).toBeTruthy();
    expect(
      screen.getByText(
        'Not drawn: dropout (Dropout: passes its input on unchanged when predicting).',
      ),
    ).toBeTruthy();
  });

  it('offers the step-by-step view on Conv2D and Dense cells only; other layers’ cells do nothing', () => {
    const onCell = vi.fn();
    render(<FeatureMaps activations={PREDICTION.activations} onCell={onCell} />);
    expect(
      screen.getAllByRole('button', { name: /^Step through/ }).map((b) => b.textContent),
    ).toEqual(['Step through conv2d', 'Step through dense']);

    fireEvent.click(screen.getByRole('img', { name: 'depthwise_conv2d map 2' }));
    fireEvent.click(screen.getByRole('img', { name: 'batch_normalization map 1' }));
    fireEvent.click(screen.getByRole('img', { name: 'global_average_pooling2d activations' }));
    expect(onCell).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('img', { name: 'conv2d map 2' }));
    expect(onCell).toHaveBeenCalledWith({ layer: 'conv2d', row: 0, col: 0, channel: 1 });
  });
});
