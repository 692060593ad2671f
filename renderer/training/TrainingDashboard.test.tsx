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

vi.mock('uplot', async (importOriginal) => (await import('./testing/fakeUPlot')).fakeUPlotModule(importOriginal));

const graph = stackGraph([['InputLayer', { shape: [28, 28, 1] }], ['Flatten'], ['Dense', { units: 10, activation: 'softmax' }]]);
const project: ProjectFile = newProject('Tiny MLP', graph, { kind: 'mnist' }, { epochs: 2 });

function renderDashboard(fake: FakeApi, p: ProjectFile = project) {
  const onSettingsChange = vi.fn();
  const onDatasetChange = vi.fn();
  const onOpenProject = vi.fn();
  render(
    <BackendProvider api={fake}>
      <TrainingDashboard project={p} onSettingsChange={onSettingsChange} onDatasetChange={onDatasetChange} onOpenProject={onOpenProject} />
    </BackendProvider>,
  );
  return { onSettingsChange, onDatasetChange, onOpenProject };
}

/** Lets the chart's requestAnimationFrame callback run. */
const nextFrame = () => act(() => new Promise<void>((r) => requestAnimationFrame(() => r())));

beforeEach(() => {
  fakeCharts.length = 0;
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
    expect(await screen.findByRole('option', { name: 'auto (wasm)' })).toBeTruthy();
    expect(screen.getByText(/tfjs-node is not installed/, { selector: 'li' })).toBeTruthy();
  });

  it('trains the canvas network, shows progress and draws curves without rebuilding the charts', async () => {
    const fake = createFakeApi();
    renderDashboard(fake);
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    expect(fake.started).toHaveLength(1);
    expect(fake.started[0]).toMatchObject({ title: 'Tiny MLP', dataset: { kind: 'mnist' }, backend: 'auto', settings: { epochs: 2 } });
    expect(fake.started[0]?.graph).toBe(graph);

    act(() => fake.emit(startedEvent('run-1', 4, 2)));
    act(() => fake.emit(batchEvent('run-1', 1, 2, 2.1, 0.3)));
    const bar = screen.getByRole('progressbar', { name: 'Training progress' });
    // Two of 2 × 4 batches done.
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(screen.getByText(/Epoch 1 of 2 · batch 2 of 4 · 1,002 samples\/s · ETA 58 s/)).toBeTruthy();
    await nextFrame();
    expect(pointsOf('Loss', 'training loss (per batch)')).toEqual([2.1]);

    act(() => fake.emit(batchEvent('run-1', 1, 4, 1.7, 0.5)));
    act(() => fake.emit(epochEvent('run-1', 1, 1.7, 0.5)));
    await nextFrame();
    expect(pointsOf('Loss', 'training loss (per batch)')).toEqual([2.1, 1.7]);
    expect(pointsOf('Accuracy', 'validation accuracy (per epoch)')).toEqual([0.48]);
    const lossChart = screen.getByRole('group', { name: 'Loss' });
    expect(lossChart.dataset.points).toBe('4');
    // One uPlot per chart for the whole run: batches go through setData.
    expect(fakeCharts.filter((c) => c.title === 'Loss')).toHaveLength(1);
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
      const col = within(table).getAllByRole('columnheader').findIndex((h) => h.textContent === predicted);
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
      fake.emit({ type: 'failed', runId: 'run-1', code: 'outOfMemory', message: 'The model needs 9 GB; try a smaller batch size.' });
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
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not start.*unknown layer/);
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
    const sent = onSettingsChange.mock.calls.map((call) => (call[0] as { batchSize: number }).batchSize);
    expect(new Set(sent)).toEqual(new Set([3]));
    await userEvent.clear(screen.getByLabelText('Learning rate'));
    await userEvent.type(screen.getByLabelText('Learning rate'), '-1');
    expect(screen.getByText(/Learning rate -1 is out of range/)).toBeTruthy();
  });

  it('refuses to train a network with an error and says which', () => {
    const broken = stackGraph([['InputLayer', { shape: [28, 28, 1] }], ['Conv2D', { filters: 4, kernel_size: [40, 40] }]]);
    renderDashboard(createFakeApi(), newProject('Broken', broken));
    expect(screen.getByRole('button', { name: 'Train' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/Fix the network first/)).toBeTruthy();
  });
});
