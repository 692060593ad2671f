// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newProject } from '../../shared/project/newProject';
import type { RunEvent } from '../../shared/training/runEvents';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import type { Reconstruction } from '../../shared/training/task';
import { templateById } from '../../shared/templates/projectTemplates';
import { BackendProvider } from '../backend/useBackend';
import { createFakeApi } from '../backend/fakeApi';
import { fakeCharts } from './testing/fakeUPlot';
import { stubResizeObserver } from './testing/stubResizeObserver';
import { TrainingDashboard } from './TrainingDashboard';

vi.mock('uplot', async (importOriginal) =>
  (await import('./testing/fakeUPlot')).fakeUPlotModule(importOriginal),
);

const autoencoder = templateById('autoencoder');
if (!autoencoder) throw new Error('template autoencoder is missing');
const project = {
  ...autoencoder.project,
  training: { ...autoencoder.project.training, epochs: 2 },
};

const images = (n: number, shade: number): Reconstruction[] =>
  Array.from({ length: n }, (_, i) => ({
    index: i * 10,
    input: new Array<number>(784).fill(200),
    output: new Array<number>(784).fill(shade),
  }));

const epoch = (
  runId: string,
  e: number,
  loss: number,
  shown: readonly Reconstruction[],
): RunEvent => ({
  type: 'epoch',
  runId,
  epoch: e,
  loss,
  accuracy: 0,
  valLoss: loss + 0.01,
  valAccuracy: null,
  samplesPerSecond: 900,
  elapsedMs: 1000 * e,
  etaMs: 1000,
  reconstructions: shown,
});

beforeEach(() => {
  stubResizeObserver();
  fakeCharts.length = 0;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the dashboard of a reconstruct run', () => {
  it('draws the reconstruction loss only and shows test images beside their reconstruction, epoch by epoch', async () => {
    const fake = createFakeApi();
    render(
      <BackendProvider api={fake}>
        <TrainingDashboard
          project={project}
          onSettingsChange={vi.fn()}
          onDatasetChange={vi.fn()}
          onOpenProject={vi.fn()}
        />
      </BackendProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    expect(fake.started[0]?.settings.task).toBe('reconstruct');
    act(() =>
      fake.emit({
        type: 'started',
        runId: 'run-1',
        backend: { name: 'wasm', skipped: [] },
        settings: project.training,
        trainSamples: 256,
        validationSamples: 32,
        batchesPerEpoch: 4,
        estimatedMemoryMB: 20,
      }),
    );
    act(() => fake.emit(epoch('run-1', 1, 0.09, images(6, 40))));
    const strip = await screen.findByRole('region', {
      name: 'Test images and their reconstruction',
    });
    expect(within(strip).getByRole('heading').textContent).toContain('after epoch 1');
    expect(within(strip).getAllByRole('img', { name: /^test image \d+$/ })).toHaveLength(6);
    expect(
      within(strip).getAllByRole('img', { name: /^reconstruction of test image \d+$/ }),
    ).toHaveLength(6);
    act(() => fake.emit(epoch('run-1', 2, 0.05, images(6, 180))));
    expect(within(strip).getByRole('heading').textContent).toContain('after epoch 2');
    expect(screen.getByRole('group', { name: 'Reconstruction loss' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Accuracy' })).toBeNull();

    act(() =>
      fake.emit({
        type: 'done',
        runId: 'run-1',
        result: {
          testLoss: 0.048,
          testAccuracy: 0,
          confusion: [],
          perClassAccuracy: [],
          misclassified: [],
          reconstructions: images(6, 190),
        },
        samplesPerSecond: 900,
        trainingMs: 2000,
        bestEpoch: null,
        stoppedEarly: false,
      }),
    );
    const result = await screen.findByRole('region', { name: 'Test result' });
    expect(within(result).getByText('Test reconstruction loss')).toBeTruthy();
    expect(within(result).queryByText(/accuracy/i)).toBeNull();
    expect(within(strip).getByRole('heading').textContent).toBe(
      'Test images and their reconstruction',
    );
  });

  it('explains an autoencoder trained as a classifier and sets the task in one click', async () => {
    const onSettingsChange = vi.fn();
    const asClassifier = newProject(
      'AE',
      project.graph,
      { kind: 'mnist' },
      { ...DEFAULT_TRAINING },
    );
    render(
      <BackendProvider api={createFakeApi()}>
        <TrainingDashboard
          project={asClassifier}
          onSettingsChange={onSettingsChange}
          onDatasetChange={vi.fn()}
          onOpenProject={vi.fn()}
        />
      </BackendProvider>,
    );
    expect(screen.getByText(/that is an autoencoder/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Train' }).disabled).toBe(true);
    await userEvent.click(
      screen.getByRole('button', { name: 'Train it to reconstruct its input' }),
    );
    expect(onSettingsChange).toHaveBeenCalledWith(expect.objectContaining({ task: 'reconstruct' }));
  });
});
