// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NetCanvasApi } from '../../shared/api/backendApi';
import type { CellImages } from '../../shared/insight/mistakes';
import { BackendProvider } from '../backend/useBackend';
import { ConfusionMatrix } from '../training/ConfusionMatrix';

const ANSWER: CellImages = {
  trueClass: 1,
  predictedClass: 2,
  total: 3,
  images: [
    { index: 40, pixels: new Array<number>(4).fill(1), confidence: 0.91, saliency: [1, 0, 0, 0.5] },
    { index: 7, pixels: new Array<number>(4).fill(2), confidence: 0.55, saliency: [0, 1, 0, 0] },
  ],
};

function renderMatrix(onLookInside = vi.fn()) {
  const cellImages = vi.fn<NetCanvasApi['cellImages']>().mockResolvedValue(ANSWER);
  render(
    <BackendProvider api={{ cellImages } as unknown as NetCanvasApi}>
      <ConfusionMatrix
        confusion={[
          [5, 0, 0],
          [0, 4, 3],
          [0, 0, 6],
        ]}
        classNames={['zero', 'one', 'two']}
        perClassAccuracy={[1, 4 / 7, 1]}
        mistakes={{ runId: 'run-1', shape: [2, 2, 1], onLookInside }}
      />
    </BackendProvider>,
  );
  return { cellImages, onLookInside };
}

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Mistakes', () => {
  it("opens a cell's test images, surest first, and looks inside one", async () => {
    const { cellImages, onLookInside } = renderMatrix();
    // Empty cells have nothing to open.
    expect(
      screen.queryByRole('button', { name: '0 test images of zero predicted as one' }),
    ).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '3 test images of one predicted as two' }));
    const region = screen.getByRole('region', { name: 'Mistakes' });
    expect(cellImages).toHaveBeenCalledWith('run-1', 1, 2, 20);
    expect((await within(region).findByRole('heading')).textContent).toBe(
      'one read as two: 3 test images, the 2 surest shown',
    );
    expect(
      within(region)
        .getAllByRole('img')
        .map((i) => i.getAttribute('aria-label')),
    ).toEqual(['test image 40: 91% sure it is two', 'test image 7: 55% sure it is two']);
    fireEvent.click(within(region).getByRole('button', { name: 'Look inside with test image 7' }));
    expect(onLookInside).toHaveBeenCalledWith({
      pixels: [2, 2, 2, 2],
      caption: 'test image 7 (true one)',
    });
    fireEvent.click(within(region).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: 'Mistakes' })).toBeNull();
  });

  it('says why the images could not be read', async () => {
    const { cellImages } = renderMatrix();
    cellImages.mockRejectedValueOnce(new Error("Run 'CNN' has no trained model (it is failed)."));
    fireEvent.click(screen.getByRole('button', { name: '4 test images of one predicted as one' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "These images could not be read: Run 'CNN' has no trained model (it is failed).",
    );
  });
});
