// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NetCanvasApi, Prediction } from '../../shared/api/backendApi';
import { createFakeApi } from '../backend/fakeApi';
import { BackendProvider } from '../backend/useBackend';
import { InsightPanel } from './InsightPanel';
import { emptyInk, inkToPixels, paintLine } from './inkGrid';
import { useInsightInput } from './insightInput';

const PREDICTION: Prediction = {
  probabilities: [0.1, 0.7, 0.2],
  activations: {
    conv2d: { shape: [2, 2, 3], values: Array.from({ length: 12 }, (_, i) => i) },
    dense: { shape: [4], values: [0, 1, 2, 3] },
  },
};

function renderPanel(
  predict: NetCanvasApi['predict'],
  extra: Partial<Parameters<typeof InsightPanel>[0]> = {},
  testImages?: NetCanvasApi['testImages'],
) {
  // Only predict and testImages are reached from this panel; the rest of the API is not part of the test.
  const api = createFakeApi({ overrides: testImages ? { predict, testImages } : { predict } });
  render(
    <BackendProvider api={api}>
      <InsightPanel
        runId="run-1"
        inputShape={[28, 28, 1]}
        classNames={['zero', 'one', 'two']}
        throttleMs={50}
        {...extra}
      />
    </BackendProvider>,
  );
  return screen.getByRole('img', { name: /Drawing pad/ });
}

// jsdom 26 has no PointerEvent, so testing-library would drop clientX/clientY: a MouseEvent
// carrying a pointerId stands in for it, as browsers' PointerEvent extends MouseEvent.
class TestPointerEvent extends MouseEvent {
  readonly pointerId: number;
  constructor(type: string, init: PointerEventInit = {}) {
    super(type, init);
    this.pointerId = init.pointerId ?? 1;
  }
}

beforeEach(() => {
  useInsightInput.setState({ runId: null, input: null, ink: null });
  vi.stubGlobal('PointerEvent', TestPointerEvent);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('inkToPixels', () => {
  it('averages the pad down to the network input, white ink on black', () => {
    const ink = emptyInk(112);
    paintLine(ink, 56, 0, 56, 112, 6); // a vertical stroke down the middle
    const px = inkToPixels(ink, [28, 28, 1]);
    expect(px).toHaveLength(784);
    expect(px[10 * 28 + 14]).toBeGreaterThan(200);
    expect(px[10 * 28 + 2]).toBe(0);
    expect(inkToPixels({ size: 4, values: new Float32Array(16).fill(1) }, [2, 2, 3])).toEqual(
      new Array(12).fill(255),
    );
  });
});

describe('InsightPanel', () => {
  it('sends what is drawn to the run and shows probabilities, feature maps and activations', async () => {
    const predict = vi.fn<NetCanvasApi['predict']>().mockResolvedValue(PREDICTION);
    const pad = renderPanel(predict);
    fireEvent.pointerDown(pad, { clientX: 56, clientY: 10, pointerId: 1 });
    fireEvent.pointerMove(pad, { clientX: 56, clientY: 100, pointerId: 1 });
    fireEvent.pointerUp(pad, { pointerId: 1 });

    // Events that come faster than the throttle are merged: the newest pixels are what is sent.
    await waitFor(() => expect(predict.mock.calls.at(-1)?.[1][12 * 28 + 14]).toBeGreaterThan(100));
    const [runId, pixels] = predict.mock.calls.at(-1) ?? [];
    expect(runId).toBe('run-1');
    expect(pixels).toHaveLength(784);
    expect(pixels?.[12 * 28 + 14]).toBeGreaterThan(100);
    expect(pixels?.[12 * 28 + 3]).toBe(0);
    expect(
      screen.getByRole('img', { name: 'What the network receives: 28×28×1, scaled to 0–1' }),
    ).toBeTruthy();

    const bars = await screen.findByRole('list', { name: 'Class probabilities' });
    const best = within(bars)
      .getAllByRole('listitem')
      .find((li) => li.getAttribute('aria-current') === 'true');
    expect(best?.textContent).toBe('one70.0%');
    expect(screen.getByRole<HTMLMeterElement>('meter', { name: 'two probability' }).value).toBe(
      0.2,
    );

    const maps = screen.getByRole('region', { name: 'Feature maps of conv2d' });
    expect(within(maps).getByRole('heading').textContent).toBe('conv2d 2×2×3');
    expect(
      within(maps)
        .getAllByRole('img')
        .map((i) => i.getAttribute('aria-label')),
    ).toEqual(['conv2d map 1', 'conv2d map 2', 'conv2d map 3']);
    expect(screen.getByRole('img', { name: 'dense activations' })).toBeTruthy();
  });

  it("shows an autoencoder's reconstruction beside the input instead of class probabilities", async () => {
    const predict = vi
      .fn<NetCanvasApi['predict']>()
      .mockResolvedValue({ probabilities: new Array<number>(784).fill(0.5), activations: {} });
    const pad = renderPanel(predict, { task: 'reconstruct' });
    fireEvent.pointerDown(pad, { clientX: 56, clientY: 10, pointerId: 1 });
    fireEvent.pointerMove(pad, { clientX: 56, clientY: 100, pointerId: 1 });
    fireEvent.pointerUp(pad, { pointerId: 1 });
    expect(await screen.findByRole('img', { name: 'Reconstruction of the drawing' })).toBeTruthy();
    expect(
      screen.getByRole('img', { name: 'What the network receives: 28×28×1, scaled to 0–1' }),
    ).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Class probabilities' })).toBeNull();
  });

  it('follows the pen without sending every pointer move, and the last drawing always arrives', async () => {
    vi.useFakeTimers();
    try {
      const predict = vi.fn<NetCanvasApi['predict']>().mockResolvedValue(PREDICTION);
      const pad = renderPanel(predict);
      fireEvent.pointerDown(pad, { clientX: 10, clientY: 10, pointerId: 1 });
      for (let y = 11; y < 60; y++)
        fireEvent.pointerMove(pad, { clientX: 10, clientY: y, pointerId: 1 });
      fireEvent.pointerUp(pad, { pointerId: 1 });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(500);
      });
      expect(predict.mock.calls.length).toBeGreaterThan(0);
      expect(predict.mock.calls.length).toBeLessThan(5);
      // The newest pixels include the end of the stroke.
      const last = predict.mock.calls.at(-1)?.[1] ?? [];
      expect(last[Math.floor(58 / 4) * 28 + Math.floor(10 / 4)]).toBeGreaterThan(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('clears the pad from the keyboard', async () => {
    const predict = vi.fn<NetCanvasApi['predict']>().mockResolvedValue(PREDICTION);
    const pad = renderPanel(predict);
    fireEvent.pointerDown(pad, { clientX: 50, clientY: 50, pointerId: 1 });
    await waitFor(() => expect(predict).toHaveBeenCalledTimes(1));
    const clear = screen.getByRole('button', { name: 'Clear' });
    clear.focus();
    fireEvent.click(clear);
    await waitFor(() => expect(predict).toHaveBeenCalledTimes(2));
    expect(predict.mock.calls[1]?.[1].every((v) => v === 0)).toBe(true);
  });

  it('says why a prediction failed', async () => {
    const pad = renderPanel(
      vi
        .fn<NetCanvasApi['predict']>()
        .mockRejectedValue(new Error('This run has no trained model yet.')),
    );
    fireEvent.pointerDown(pad, { clientX: 50, clientY: 50, pointerId: 1 });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This run has no trained model yet.',
    );
  });

  it('shows kernels and weight histograms it is given', () => {
    renderPanel(vi.fn(), {
      kernels: [
        {
          layer: 'conv2d',
          size: [3, 3],
          inChannels: 1,
          filters: 2,
          values: new Array(18).fill(0.5),
          min: -1,
          max: 1,
        },
      ],
      histograms: {
        before: [
          { layer: 'conv2d', weight: 'kernel', count: 288, min: -0.5, max: 0.5, bins: [10, 20] },
        ],
      },
    });
    const kernels = screen.getByRole('region', { name: 'Kernels of conv2d' });
    expect(within(kernels).getByRole('heading').textContent).toBe('conv2d: 2 kernels of 3×3×1');
    expect(within(kernels).getAllByRole('img')).toHaveLength(2);
    const weights = screen.getByRole('group', { name: 'conv2d kernel' });
    expect(within(weights).getByRole('heading').textContent).toBe('conv2d kernel: 288 weights');
    expect(within(weights).getByRole('figure', { name: 'before' }).textContent).toContain(
      '-0.500 to 0.500',
    );
  });

  it('enlarges a kernel with its weights on click', () => {
    // Stored 0..1 over the layer's range −1..1: 0.25 is −0.5, 0.75 is 0.5.
    const values = [...new Array<number>(9).fill(0.5), 0, 0.25, 0.5, 0.75, 1, 0.5, 0.5, 0.5, 0.5];
    renderPanel(vi.fn(), {
      kernels: [
        { layer: 'conv2d', size: [3, 3], inChannels: 1, filters: 2, values, min: -1, max: 1 },
      ],
    });
    const kernels = screen.getByRole('region', { name: 'Kernels of conv2d' });
    expect(
      within(kernels).getByRole('figure', { name: 'Scale of conv2d kernels' }).textContent,
    ).toBe('-101');
    fireEvent.click(within(kernels).getByRole('button', { name: 'conv2d kernel 2' }));
    const enlarged = within(kernels).getByRole('figure', { name: 'conv2d kernel 2, enlarged' });
    expect(
      within(enlarged)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['-1.000', '-0.500', '0.000', '0.500', '1.000', '0.000', '0.000', '0.000', '0.000']);
    fireEvent.click(within(kernels).getByRole('button', { name: 'conv2d kernel 2' }));
    expect(within(kernels).queryByRole('figure', { name: 'conv2d kernel 2, enlarged' })).toBeNull();
  });

  it('draws the weights before and after training on one x range', () => {
    renderPanel(vi.fn(), {
      histograms: {
        before: [{ layer: 'dense', weight: 'kernel', count: 4, min: -0.1, max: 0.1, bins: [1, 3] }],
        after: [
          { layer: 'dense', weight: 'kernel', count: 4, min: -0.5, max: 0.5, bins: [2, 0, 0, 2] },
        ],
      },
    });
    const weights = screen.getByRole('group', { name: 'dense kernel' });
    const bars = (name: string) => [
      ...within(weights)
        .getByRole('figure', { name })
        .querySelectorAll<HTMLElement>('.nc-insight-histogram span'),
    ];
    // Before: a narrow histogram in the middle of the shared −0.5..0.5 axis, not stretched across it.
    expect(bars('before').map((b) => b.style.left)).toEqual(['40%', '50%']);
    expect(bars('after').map((b) => b.style.left)).toEqual(['0%', '25%', '50%', '75%']);
    for (const name of ['before', 'after'])
      expect(within(weights).getByRole('figure', { name }).textContent).toContain('-0.50.5');
  });

  it('uses a picked test image, a misclassified one or one from any page of the test split', async () => {
    const predict = vi.fn<NetCanvasApi['predict']>().mockResolvedValue(PREDICTION);
    const page = (start: number, count: number) => ({
      shape: [28, 28, 1] as const,
      total: 14,
      images: Array.from({ length: Math.min(count, 14 - start) }, (_, k) => ({
        index: start + k,
        label: (start + k) % 3,
        pixels: new Array<number>(784).fill(start + k),
      })),
    });
    const testImages = vi.fn<NetCanvasApi['testImages']>((_ref, start, count) =>
      Promise.resolve(page(start, count)),
    );
    const miss = {
      index: 42,
      trueLabel: 2,
      predicted: 1,
      probabilities: [0.1, 0.6, 0.3],
      pixels: new Array<number>(784).fill(9),
    };
    renderPanel(predict, { dataset: { kind: 'mnist' }, misclassified: [miss] }, testImages);

    fireEvent.click(
      await screen.findByRole('button', { name: 'Use test image 42: predicted one, true two' }),
    );
    await waitFor(() => expect(predict.mock.calls.at(-1)?.[1][0]).toBe(9));
    expect(
      screen.getByRole('img', {
        name: 'What the network receives: test image 42 (true two), 28×28×1, scaled to 0–1',
      }),
    ).toBeTruthy();

    const picker = screen.getByRole('region', { name: 'Pick a test image' });
    expect(within(picker).getByRole('heading', { name: 'Test images 1–12 of 14' })).toBeTruthy();
    fireEvent.click(within(picker).getByRole('button', { name: 'Next images' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Use test image 13: a one' }));
    await waitFor(() => expect(predict.mock.calls.at(-1)?.[1][0]).toBe(13));
    expect(testImages.mock.calls.map((c) => c[1])).toEqual([0, 12]);
    expect(
      within(picker).getByRole<HTMLButtonElement>('button', { name: 'Next images' }).disabled,
    ).toBe(true);
  });

  it('marks the layer selected on the canvas and lists every layer to jump to', async () => {
    const predict = vi.fn<NetCanvasApi['predict']>().mockResolvedValue(PREDICTION);
    const pad = renderPanel(predict, { focusLayer: 'dense' });
    fireEvent.pointerDown(pad, { clientX: 50, clientY: 50, pointerId: 1 });
    const layers = await screen.findByRole('navigation', { name: 'Layers' });
    expect(
      within(layers)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['conv2d', 'dense']);
    expect(within(layers).getByRole('button', { name: 'dense' }).getAttribute('aria-current')).toBe(
      'true',
    );
    expect(
      screen.getByRole('region', { name: 'Activations of dense' }).getAttribute('aria-current'),
    ).toBe('true');
    expect(
      screen.getByRole('region', { name: 'Feature maps of conv2d' }).getAttribute('aria-current'),
    ).toBeNull();
  });

  it('shows the same input and its answer again when the learner comes back from another tab', async () => {
    const predict = vi.fn<NetCanvasApi['predict']>().mockResolvedValue(PREDICTION);
    const pad = renderPanel(predict);
    fireEvent.pointerDown(pad, { clientX: 56, clientY: 56, pointerId: 1 });
    fireEvent.pointerUp(pad, { pointerId: 1 });
    await waitFor(() => expect(predict).toHaveBeenCalledTimes(1));
    const drawn = predict.mock.calls[0]?.[1];
    cleanup();
    renderPanel(predict);
    await waitFor(() => expect(predict).toHaveBeenCalledTimes(2));
    expect(predict.mock.calls[1]?.[1]).toEqual(drawn);
    expect(await screen.findByRole('list', { name: 'Class probabilities' })).toBeTruthy();
    // Another run starts from an empty pad.
    cleanup();
    renderPanel(predict, { runId: 'run-2' });
    await new Promise((r) => setTimeout(r, 120));
    expect(predict).toHaveBeenCalledTimes(2);
  });
});
