// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportRequest, Prediction, RunRecord, RunRequest } from '../../shared/api/backendApi';
import { newRunRecord } from '../../shared/api/backendApi';
import type { ConfusionResult } from '../../shared/training/runEvents';
import type { EpochSnapshots } from '../../shared/training/epochSnapshots';
import { NO_SNAPSHOTS_NOTE } from '../../shared/training/epochSnapshots';
import { createFakeApi } from '../backend/fakeApi';
import type { FakeApi } from '../backend/fakeApi';
import { BackendProvider } from '../backend/useBackend';
import { useRunsStore } from '../training/runsStore';
import { TrainingReplay } from './TrainingReplay';

const KEPT: EpochSnapshots = {
  epochs: [1, 2, 3],
  every: 1,
  best: { epoch: 2, by: 'val_loss', value: 0.25 },
  modelEpoch: null,
  note: null,
};

/** Each epoch answers differently: epoch e puts e/10 on class 0. */
const answer = (epoch: number): Prediction => ({
  probabilities: [epoch / 10, 1 - epoch / 10],
  activations: { conv2d: { shape: [2, 2, 1], values: [epoch, 0, 0, -epoch] } },
});

function renderReplay(
  snapshots: EpochSnapshots,
  extra: Partial<Parameters<typeof createFakeApi>[0]> = {},
) {
  const exported: ExportRequest[] = [];
  const api: FakeApi = createFakeApi({
    ...extra,
    overrides: {
      epochSnapshots: () => Promise.resolve(snapshots),
      predict: (_run, _pixels, epoch) => Promise.resolve(answer(epoch ?? 99)),
      modelInsight: (_run, epoch) =>
        Promise.resolve({
          kernels: [
            {
              layer: 'conv2d',
              size: [1, 1] as const,
              inChannels: 1,
              filters: 1,
              values: [0.5],
              min: -(epoch ?? 0),
              max: epoch ?? 0,
            },
          ],
          histograms: { before: [], after: [] },
        }),
      epochConfusion: (_run, epoch, samples) =>
        Promise.resolve({
          epoch,
          samples,
          accuracy: epoch / 4,
          confusion: [
            [epoch, 1],
            [0, 3],
          ],
          perClassAccuracy: [0.5, 1],
        }),
      exportModel: (request) => {
        exported.push(request);
        return Promise.resolve({
          files: ['/workspace/exports/replayed-epoch-2/model.json'],
          folder: '/workspace/exports/replayed-epoch-2',
        });
      },
      useEpoch: (_run, epoch) => Promise.resolve({ ...snapshots, modelEpoch: epoch }),
      ...extra.overrides,
    },
  });
  render(
    <BackendProvider api={api}>
      <TrainingReplay runId="run-1" pixels={[0, 128, 255, 0]} classNames={['zero', 'one']} />
    </BackendProvider>,
  );
  return { api, exported, region: screen.getByRole('region', { name: 'Training replay' }) };
}

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  // Radix's slider measures itself.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('TrainingReplay', () => {
  it('opens at the best epoch and shows what the network answered then; the arrow keys move the Epoch slider', async () => {
    const { api, region } = renderReplay(KEPT);
    const slider = await within(region).findByRole('slider', { name: 'Epoch' });
    expect(slider.getAttribute('aria-valuetext')).toBe('Epoch 2 of 3, the best');
    const after2 = await within(region).findByRole('list', {
      name: 'Replay: probabilities after epoch 2',
    });
    expect(
      within(after2)
        .getAllByRole('meter')
        .map((m) => m.getAttribute('value')),
    ).toEqual(['0.2', '0.8']);
    expect(region.textContent).toContain('Best epoch 2: the lowest validation loss (0.2500).');
    expect(
      within(region).getByRole('region', { name: 'Replay: Feature maps of conv2d' }),
    ).toBeTruthy();
    expect(within(region).getByRole('region', { name: 'Replay: Kernels of conv2d' })).toBeTruthy();
    expect(
      (
        await within(region).findByRole('region', {
          name: 'Replay: confusion matrix after epoch 2',
        })
      ).textContent,
    ).toContain('After epoch 2: 50.0% right on the first 1,000 test images');

    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    const after3 = await within(region).findByRole('list', {
      name: 'Replay: probabilities after epoch 3',
    });
    expect(
      within(after3)
        .getAllByRole('meter')
        .map((m) => m.getAttribute('value')),
    ).toEqual(['0.3', '0.7']);
    expect(slider.getAttribute('aria-valuetext')).toBe('Epoch 3 of 3');
    expect(
      await within(region).findByRole('region', { name: 'Replay: confusion matrix after epoch 3' }),
    ).toBeTruthy();
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(
      await within(region).findByRole('list', { name: 'Replay: probabilities after epoch 1' }),
    ).toBeTruthy();
    // Each epoch was asked for with its own number.
    expect(api.calls.filter((c) => c === 'predict')).toHaveLength(3);
  });

  it('exports the best epoch in one click and this epoch through the same export', async () => {
    const { exported, region } = renderReplay(KEPT);
    fireEvent.click(
      await within(region).findByRole('button', { name: 'Export the best epoch (2)' }),
    );
    expect((await within(region).findByRole('status')).textContent).toContain(
      "Epoch 2's weights were exported to /workspace/exports/replayed-epoch-2.",
    );
    fireEvent.keyDown(within(region).getByRole('slider', { name: 'Epoch' }), { key: 'End' });
    await within(region).findByRole('list', { name: 'Replay: probabilities after epoch 3' });
    fireEvent.click(within(region).getByRole('button', { name: 'Export this epoch' }));
    await waitFor(() => expect(exported).toHaveLength(2));
    expect(exported.map((r) => r.source)).toEqual([
      { runId: 'run-1', epoch: 2 },
      { runId: 'run-1', epoch: 3 },
    ]);
    expect(exported.every((r) => r.format === 'tfjs' && r.path === null)).toBe(true);
  });

  it("makes an epoch the run's model only after a plain confirmation", async () => {
    const { api, region } = renderReplay(KEPT);
    fireEvent.click(await within(region).findByRole('button', { name: 'Use as the run’s model' }));
    const dialog = await screen.findByRole('dialog', { name: 'Use epoch 2 as the run’s model?' });
    expect(dialog.textContent).toContain(
      'The run’s final weights are kept as a snapshot beside them, so nothing is lost.',
    );
    expect(api.calls).not.toContain('useEpoch');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Use epoch 2' }));
    expect((await within(region).findByRole('status')).textContent).toContain(
      "The run's model is now the weights after epoch 2.",
    );
    expect(region.textContent).toContain('The run’s model holds the weights after epoch 2.');
    expect(
      within(region)
        .getByRole('button', { name: 'Use as the run’s model' })
        .hasAttribute('disabled'),
    ).toBe(true);
  });

  it('scores the run again when its model changes, and restores the final weights with their own score', async () => {
    const scored = (testAccuracy: number): ConfusionResult => ({
      testLoss: 1 - testAccuracy,
      testAccuracy,
      confusion: [
        [1, 0],
        [0, 1],
      ],
      perClassAccuracy: [1, 1],
      misclassified: [],
    });
    const request = { title: 'CNN', settings: { epochs: 3 } } as unknown as RunRequest;
    const record: RunRecord = {
      ...newRunRecord('run-1', request, 0, 100),
      status: 'done',
      result: scored(0.9),
      samplesPerSecond: 100,
      trainingMs: 1000,
    };
    // The backend answers after it has sent the run's `done` event again with the new score.
    const changed = (testAccuracy: number, modelEpoch: number | null) => {
      const { samplesPerSecond, trainingMs, bestEpoch, stoppedEarly } = record;
      api.emit({
        type: 'done',
        runId: 'run-1',
        result: scored(testAccuracy),
        samplesPerSecond: samplesPerSecond ?? 0,
        trainingMs: trainingMs ?? 0,
        bestEpoch,
        stoppedEarly,
      });
      return Promise.resolve({ ...KEPT, modelEpoch });
    };
    const { api, region } = renderReplay(KEPT, {
      runs: [record],
      overrides: {
        useEpoch: () => changed(0.75, 2),
        restoreFinalWeights: () => changed(0.9, null),
      },
    });
    expect(within(region).queryByRole('button', { name: 'Restore the final weights' })).toBeNull();
    fireEvent.click(await within(region).findByRole('button', { name: 'Use as the run’s model' }));
    const dialog = await screen.findByRole('dialog', { name: 'Use epoch 2 as the run’s model?' });
    expect(dialog.textContent).toContain(
      'The run’s test result is scored again with these weights',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Use epoch 2' }));
    expect(
      await within(region).findByText(
        'The run’s test result, scored again with the weights it now holds: test accuracy 75.0%, test loss 0.2500.',
      ),
    ).toBeTruthy();
    // The runs every other view reads hold the new score too.
    expect(useRunsStore.getState().runs['run-1']?.result?.testAccuracy).toBe(0.75);

    // The button follows the reply's snapshots, which may land after the score: wait for it.
    fireEvent.click(
      await within(region).findByRole('button', { name: 'Restore the final weights' }),
    );
    expect((await within(region).findByRole('status')).textContent).toBe(
      "The run's model holds its final weights again.",
    );
    expect(
      await within(region).findByText(
        'The run’s test result, scored again with the weights it now holds: test accuracy 90.0%, test loss 0.1000.',
      ),
    ).toBeTruthy();
    expect(api.calls.filter((c) => c === 'restoreFinalWeights')).toHaveLength(1);
    expect(within(region).queryByRole('button', { name: 'Restore the final weights' })).toBeNull();
    expect(region.textContent).not.toContain('The run’s model holds the weights after epoch');
    expect(
      within(region)
        .getByRole('button', { name: 'Use as the run’s model' })
        .hasAttribute('disabled'),
    ).toBe(false);
  });

  it('says in a plain sentence why a run from before the replay has nothing to replay', async () => {
    const { api, region } = renderReplay({
      epochs: [],
      every: null,
      best: null,
      modelEpoch: null,
      note: NO_SNAPSHOTS_NOTE,
    });
    expect(await within(region).findByText(NO_SNAPSHOTS_NOTE)).toBeTruthy();
    expect(within(region).queryByRole('slider')).toBeNull();
    expect(api.calls).not.toContain('predict');
  });

  it("the fake backend's own runs have no snapshots, as runs from before the replay", async () => {
    const api = createFakeApi();
    expect(await api.epochSnapshots('run-1')).toEqual({
      epochs: [],
      every: null,
      best: null,
      modelEpoch: null,
      note: NO_SNAPSHOTS_NOTE,
    });
  });
});
