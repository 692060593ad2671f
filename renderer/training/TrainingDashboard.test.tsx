// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newProject } from '../../shared/project/newProject';
import type { ProjectFile } from '../../shared/project/projectFile';
import { stackGraph } from '../../shared/templates/stackGraph';
import { BackendProvider } from '../backend/useBackend';
import { TrainingDashboard } from './TrainingDashboard';
import type { FakeApi } from '../backend/fakeApi';
import { createFakeApi } from '../backend/fakeApi';
import { fakeCharts, pointsOf } from './testing/fakeUPlot';
import { batchEvent, doneEvent, epochEvent, startedEvent } from './testing/scriptedRun';
import { useChartSmoothing } from './chartSmoothing';
import { stubResizeObserver } from './testing/stubResizeObserver';
import { newRunRecord } from '../../shared/api/backendApi';
import type { RunRecord } from '../../shared/api/backendApi';

vi.mock('uplot', async (importOriginal) =>
  (await import('./testing/fakeUPlot')).fakeUPlotModule(importOriginal),
);

const graph = stackGraph([
  ['InputLayer', { shape: [28, 28, 1] }],
  ['Flatten'],
  ['Dense', { units: 10, activation: 'softmax' }],
]);
const project: ProjectFile = newProject('Tiny MLP', graph, { kind: 'mnist' }, { epochs: 2 });

function renderDashboard(fake: FakeApi, p: ProjectFile = project) {
  const onSettingsChange = vi.fn();
  const onDatasetChange = vi.fn();
  const onOpenProject = vi.fn();
  render(
    <BackendProvider api={fake}>
      <TrainingDashboard
        project={p}
        onSettingsChange={onSettingsChange}
        onDatasetChange={onDatasetChange}
        onOpenProject={onOpenProject}
      />
    </BackendProvider>,
  );
  return { onSettingsChange, onDatasetChange, onOpenProject };
}

/** Lets the chart's requestAnimationFrame callback run. */
const nextFrame = () => act(() => new Promise<void>((r) => requestAnimationFrame(() => r())));

beforeEach(() => {
  stubResizeObserver();
  fakeCharts.length = 0;
  useChartSmoothing.getState().setWeight(0.6);
  // jsdom has no 2-D canvas; the images are checked by their accessible names instead.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('TrainingDashboard', () => {
  it('shows the data set, its samples, missing data sets and what auto picks', async () => {
    renderDashboard(createFakeApi());
    expect(await screen.findByText(/images of 28 × 28 × 1/)).toBeTruthy();
    expect(screen.getByText('10 classes: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9')).toBeTruthy();
    expect(await screen.findByRole('img', { name: 'sample of class 1' })).toBeTruthy();
    expect(screen.getByText(/run `sudo apt install dataset-fashion-mnist`/)).toBeTruthy();
    // The note gives the exact command, as code the learner can copy.
    const notInstalled = screen
      .getByText(/Data sets not installed/)
      .closest('details') as HTMLElement;
    expect(
      within(notInstalled).getByText('sudo apt-get install dataset-fashion-mnist', {
        selector: 'code',
      }),
    ).toBeTruthy();
    expect(await screen.findByRole('option', { name: 'auto (wasm)' })).toBeTruthy();
    // Why faster backends were skipped, in plain words; the technical reason behind "Details".
    const why = screen.getByLabelText('Why this backend');
    expect(why.textContent).toContain('Auto picks CPU (WebAssembly)');
    expect(
      within(why)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toContain('graphics card (WebGPU): no graphics card it can use was found on this computer.');
    const details = within(why).getByText('Details').closest('details');
    expect(details?.open).toBe(false);
    expect(
      within(details as HTMLElement).getByText(/tfjs-node is not installed/, { selector: 'li' }),
    ).toBeTruthy();
    expect(
      within(why)
        .getByText(/tfjs-node is not installed/, { selector: 'li' })
        .closest('details'),
    ).toBe(details);
  });

  it('trains the canvas network, shows progress and draws curves without rebuilding the charts', async () => {
    const fake = createFakeApi();
    renderDashboard(fake);
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    expect(fake.started).toHaveLength(1);
    expect(fake.started[0]).toMatchObject({
      title: 'Tiny MLP',
      dataset: { kind: 'mnist' },
      backend: 'auto',
      settings: { epochs: 2 },
    });
    expect(fake.started[0]?.graph).toBe(graph);

    act(() => fake.emit(startedEvent('run-1', 4, 2)));
    act(() => fake.emit(batchEvent('run-1', 1, 2, 2.1, 0.3)));
    const bar = screen.getByRole('progressbar', { name: 'Training progress' });
    // Two of 2 × 4 batches done.
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(
      screen.getByText(/Epoch 1 of 2 · batch 2 of 4 · 1,002 samples\/s · ETA 58 s/),
    ).toBeTruthy();
    await nextFrame();
    expect(pointsOf('Loss', 'training loss (per batch, raw)')).toEqual([2.1]);

    act(() => fake.emit(batchEvent('run-1', 1, 4, 1.7, 0.5)));
    act(() => fake.emit(epochEvent('run-1', 1, 1.7, 0.5)));
    await nextFrame();
    expect(pointsOf('Loss', 'training loss (per batch, raw)')).toEqual([2.1, 1.7]);
    expect(pointsOf('Accuracy', 'validation accuracy (per epoch)')).toEqual([0.48]);
    const lossChart = screen.getByRole('group', { name: 'Loss' });
    // Two batches, raw and smoothed, one training epoch dot and one validation ring.
    expect(lossChart.dataset.points).toBe('6');
    // The x axis spans the run's two epochs from the start.
    expect(fakeCharts.find((c) => c.title === 'Loss')?.xRange).toEqual([0, 2]);
    // One uPlot per chart for the whole run: batches go through setData.
    expect(fakeCharts.filter((c) => c.title === 'Loss')).toHaveLength(1);
    // The best epoch so far (the lowest validation loss) is marked on both charts, with its reason.
    expect(
      screen.getAllByRole('img', { name: 'Best epoch 1 (lowest validation loss)' }),
    ).toHaveLength(2);
    act(() => fake.emit(epochEvent('run-1', 2, 1.2, 0.6)));
    expect(
      screen.getAllByRole('img', { name: 'Best epoch 2 (lowest validation loss)' }),
    ).toHaveLength(2);
    expect(screen.queryByRole('img', { name: /^Best epoch 1/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Train' })).toHaveProperty('disabled', true);

    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(fake.stopped).toEqual(['run-1']);
  });

  it('shows test accuracy, the confusion matrix and the misread images when done', async () => {
    const fake = createFakeApi();
    renderDashboard(fake);
    await screen.findByText(/images of 28 × 28 × 1/);
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    act(() => {
      fake.emit(startedEvent('run-1', 4));
      fake.emit(epochEvent('run-1', 1, 0.4, 0.88));
      fake.emit(doneEvent('run-1', 0.9123, 0.2871));
    });
    const result = screen.getByRole('region', { name: 'Test result' });
    expect(within(result).getByText('91.2%')).toBeTruthy();
    expect(within(result).getByText('0.2871')).toBeTruthy();
    const table = within(result).getByRole('table');
    const cell = (trueClass: string, predicted: string) => {
      const row = within(table).getByRole('rowheader', { name: trueClass }).closest('tr');
      const col = within(table)
        .getAllByRole('columnheader')
        .findIndex((h) => h.textContent === predicted);
      return row?.children[col]?.textContent;
    };
    expect(cell('1', '0')).toBe('1');
    expect(cell('0', '0')).toBe('2');
    const wrong = within(result).getByText('0 (1)');
    expect(wrong.closest('li')?.className).toBe('nc-wrong');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByRole('button', { name: 'Train' })).toHaveProperty('disabled', false);
  });

  it('shows a failed run as an alert and lets the learner train again', async () => {
    const fake = createFakeApi();
    renderDashboard(fake);
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    act(() => {
      fake.emit(startedEvent('run-1'));
      fake.emit({
        type: 'failed',
        runId: 'run-1',
        code: 'outOfMemory',
        message: 'The model needs 9 GB; try a smaller batch size.',
      });
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Out of memory');
    expect(alert.textContent).toContain('try a smaller batch size');
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    expect(fake.started).toHaveLength(2);
  });

  it('says how many images the data set skipped and why, with the first path', async () => {
    const fake = createFakeApi();
    renderDashboard(fake);
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    const skippedImages = {
      count: 5,
      reasons: [
        { reason: 'not a PNG, JPEG, WebP or GIF image', count: 3 },
        { reason: 'empty file (0 bytes)', count: 2 },
      ],
      first: [{ path: '/data/pets/cat/notes.jpg', reason: 'not a PNG, JPEG, WebP or GIF image' }],
    };
    act(() => fake.emit({ ...startedEvent('run-1'), skippedImages }));
    expect(screen.getByRole('note').textContent).toBe(
      'Skipped 5 images that could not be read: 3 not a PNG, JPEG, WebP or GIF image, 2 empty file (0 bytes). First: /data/pets/cat/notes.jpg (not a PNG, JPEG, WebP or GIF image).',
    );
  });

  it('says why a run could not start', async () => {
    renderDashboard(createFakeApi({ startError: 'graph.nodes[2]: unknown layer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /could not start.*unknown layer/,
    );
  });

  it('checks settings as the learner types and only passes valid ones on', async () => {
    const { onSettingsChange } = renderDashboard(createFakeApi());
    const batch = screen.getByLabelText('Batch size');
    await userEvent.clear(batch);
    await userEvent.type(batch, '3.5');
    expect(screen.getByText(/Batch size must be a whole number/)).toBeTruthy();
    expect(batch.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('button', { name: 'Train' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/Fix the settings first: Batch size/)).toBeTruthy();
    // "3" and "3." are valid on the way; "3.5" never reaches the project.
    const sent = onSettingsChange.mock.calls.map(
      (call) => (call[0] as { batchSize: number }).batchSize,
    );
    expect(new Set(sent)).toEqual(new Set([3]));
    await userEvent.clear(screen.getByLabelText('Learning rate'));
    await userEvent.type(screen.getByLabelText('Learning rate'), '-1');
    expect(screen.getByText(/Learning rate -1 is out of range/)).toBeTruthy();
  });

  it('refuses to train a network with an error and says which', () => {
    const broken = stackGraph([
      ['InputLayer', { shape: [28, 28, 1] }],
      ['Conv2D', { filters: 4, kernel_size: [40, 40] }],
    ]);
    renderDashboard(createFakeApi(), newProject('Broken', broken));
    expect(screen.getByRole('button', { name: 'Train' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/Fix the network first/)).toBeTruthy();
  });

  it('draws each batch as it was, smoothed as the slider says', async () => {
    const fake = createFakeApi();
    renderDashboard(fake);
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    act(() => {
      fake.emit(startedEvent('run-1', 4, 2));
      fake.emit(
        batchEvent('run-1', 1, 2, 0.5, 0.5, [
          { epoch: 1, batch: 1, loss: 1, accuracy: 0.2 },
          { epoch: 1, batch: 2, loss: 0, accuracy: 0.8 },
        ]),
      );
    });
    await nextFrame();
    // Each batch's own loss (a running mean would have drawn 1 then 0.5).
    expect(pointsOf('Loss', 'training loss (per batch, raw)')).toEqual([1, 0]);
    const smoothed = pointsOf('Loss', 'training loss (per batch)');
    expect(smoothed[0]).toBeCloseTo(1);
    // TensorBoard's debiased average at 0.6: (0.4·0.6·1 + 0.4·0) / (1 − 0.6²) = 0.375.
    expect(smoothed[1]).toBeCloseTo(0.375);
    const slider = screen.getByRole('slider', { name: 'Smoothing' });
    expect(slider.getAttribute('aria-valuenow')).toBe('0.6');
    slider.focus();
    await userEvent.keyboard('{Home}');
    await nextFrame();
    expect(slider.getAttribute('aria-valuetext')).toMatch(/off/);
    expect(pointsOf('Loss', 'training loss (per batch)')).toEqual([1, 0]);
    // The legend tells the per-batch line from the per-epoch markers.
    const legend = within(screen.getByRole('group', { name: 'Loss' })).getByRole('list', {
      name: 'Legend',
    });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => `${li.textContent ?? ''}: ${li.dataset.mark ?? ''}`),
    ).toEqual([
      'training loss (per batch): line',
      'training loss (per epoch): dots',
      'validation loss (per epoch): rings',
    ]);
  });

  it('shows a run opened later with its own curves, progress line and settings', async () => {
    const request = {
      title: 'Wide MLP',
      graph,
      dataset: { kind: 'fashion-mnist' },
      settings: { ...project.training, epochs: 3, batchSize: 32, learningRate: 0.01, limit: 640 },
      backend: 'auto',
    } as const;
    const record: RunRecord = {
      ...newRunRecord('old-1', request, 1, 7850),
      status: 'stopped',
      backend: { name: 'wasm', skipped: [] },
      epochs: [
        epochEvent('old-1', 1, 0.8, 0.7) as Extract<RunRecord['epochs'][number], { type: 'epoch' }>,
      ],
      batches: [
        { epoch: 1, batch: 10, loss: 0.9, accuracy: 0.6 },
        { epoch: 1, batch: 20, loss: 0.7, accuracy: 0.75 },
        { epoch: 2, batch: 10, loss: 0.5, accuracy: 0.85 },
      ],
      progress: { epoch: 2, batch: 10, samplesPerSecond: 2400, elapsedMs: 4000, etaMs: 3000 },
      trainSamples: 640,
      batchesPerEpoch: 20,
      trainingMs: 4000,
    };
    renderDashboard(createFakeApi({ runs: [record] }));
    await userEvent.selectOptions(await screen.findByLabelText(/Showing run/), 'old-1');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe(
      'Epoch 2 of 3 · batch 10 of 20 · 2,400 samples/s · stopped after 4.0 s',
    );
    const shown = Object.fromEntries(
      within(screen.getByLabelText('Run settings'))
        .getAllByRole('term')
        .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(shown).toMatchObject({
      'Data set': 'Fashion-MNIST',
      Epochs: '3',
      'Training samples': '640',
      'Batch size': '32',
      'Learning rate': '0.01',
    });
    await nextFrame();
    expect(pointsOf('Loss', 'training loss (per batch, raw)')).toEqual([0.9, 0.7, 0.5]);
    // Its own three epochs, not the project's two.
    expect(fakeCharts.filter((c) => c.title === 'Loss' && !c.destroyed).at(-1)?.xRange).toEqual([
      0, 3,
    ]);
  });

  it('says auto times the backends that load, and shows what it measured for the run', async () => {
    const fake = createFakeApi();
    fake.listBackends = () =>
      Promise.resolve({
        backends: [
          { name: 'tensorflow-gpu', available: false, reason: 'tfjs-node-gpu is not installed' },
          { name: 'webgpu', available: true, reason: null },
          { name: 'tensorflow', available: false, reason: 'tfjs-node is not installed' },
          { name: 'wasm', available: true, reason: null },
          { name: 'cpu', available: true, reason: null },
        ],
        auto: {
          name: 'webgpu',
          skipped: [{ name: 'tensorflow-gpu', reason: 'tfjs-node-gpu is not installed' }],
        },
      });
    renderDashboard(fake);
    expect(
      await screen.findByRole('option', { name: 'auto (fastest of webgpu, wasm)' }),
    ).toBeTruthy();
    expect(screen.getByLabelText('Why this backend').textContent).toContain(
      'Auto picks the fastest of graphics card (WebGPU) and CPU (WebAssembly), timing a few training steps',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    const started = startedEvent('run-1');
    const measured = {
      timings: [
        { name: 'webgpu' as const, samplesPerSecond: 8400, steps: 16 },
        { name: 'wasm' as const, samplesPerSecond: 1100.4, steps: 8 },
      ],
      notMeasured: [
        {
          name: 'cpu' as const,
          reason:
            'not measured: the wasm backend runs the same kernels compiled, several times faster',
        },
      ],
      cached: false,
      ms: 1900,
    };
    act(() => fake.emit({ ...started, backend: { name: 'webgpu', skipped: [], measured } }));
    const note = screen.getByRole('note', { name: 'Backend choice' });
    expect(
      within(note).getByText('webgpu 8,400 samples/s, wasm 1,100 samples/s: using webgpu'),
    ).toBeTruthy();
    expect(within(note).getByText('Not measured').closest('details')?.open).toBe(false);
  });
});
