// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NetCanvasApi, RunRequest } from '../../shared/api/backendApi';
import { inferGraph } from '../../shared/graph/inferGraph';
import type { RobustnessScores } from '../../shared/insight/robustness';
import { templateById } from '../../shared/templates/projectTemplates';
import { BackendProvider } from '../backend/useBackend';
import { emptyRun } from '../training/runView';
import { useRunsStore } from '../training/runsStore';
import { MatchBudget } from './MatchBudget';
import { Robustness } from './Robustness';

const cnn = templateById('lesson-cnn')?.project;
if (!cnn) throw new Error('template missing');
const request: RunRequest = {
  title: 'Lesson CNN',
  graph: cnn.graph,
  dataset: { kind: 'mnist' },
  settings: cnn.training,
  backend: 'auto',
};

afterEach(() => {
  cleanup();
  useRunsStore.getState().reset();
});

describe('Match parameter budget', () => {
  it("builds a feed-forward network the CNN's size and trains it with the same data and settings", async () => {
    useRunsStore.setState({
      runs: { r1: { ...emptyRun('r1', 0, request), status: 'done' } },
      order: ['r1'],
    });
    const startRun = vi.fn<NetCanvasApi['startRun']>().mockResolvedValue('r2');
    render(
      <BackendProvider api={{ startRun } as unknown as NetCanvasApi}>
        <MatchBudget />
      </BackendProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Match parameter budget' }));
    const matched = screen.getByRole('group', { name: 'Matched network' });
    expect(matched.textContent).toContain(
      'MLP 784-153-10: 121,645 parameters against 121,930 (-0.2%)',
    );
    expect(matched.textContent).toContain('Flatten → Dense 153 → Dense 10');
    fireEvent.click(
      within(matched).getByRole('button', { name: 'Train it with the same data and settings' }),
    );
    await waitFor(() => expect(startRun).toHaveBeenCalledTimes(1));
    const sent = startRun.mock.calls[0]?.[0];
    expect(sent?.title).toBe('MLP 784-153-10 (matches Lesson CNN)');
    expect(sent?.settings).toEqual(request.settings);
    expect(sent?.dataset).toEqual(request.dataset);
    expect(inferGraph(sent?.graph ?? { nodes: [], edges: [] }).totals.total).toBe(121_645);
    await waitFor(() => expect(useRunsStore.getState().selection).toEqual(['r1', 'r2']));
    expect(useRunsStore.getState().comparing).toBe(true);
  });
});

describe('Robustness', () => {
  it('scores each trained run and lines up the accuracies, leaving out one still training', async () => {
    const scores = (base: number): RobustnessScores => ({
      samples: 2000,
      accuracy: {
        original: base,
        shift2: base - 0.1,
        shift4: base - 0.3,
        rotate15: base - 0.05,
        noise: base - 0.2,
        invert: 0.1,
      },
    });
    const robustness = vi.fn<NetCanvasApi['robustness']>((id) =>
      Promise.resolve(scores(id === 'a' ? 0.98 : 0.95)),
    );
    const runs = [
      { ...emptyRun('a', 0, { ...request, title: 'CNN' }), status: 'done' as const },
      { ...emptyRun('b', 0, { ...request, title: 'MLP' }), status: 'done' as const },
      { ...emptyRun('c', 0, { ...request, title: 'Busy' }), status: 'running' as const },
    ];
    render(
      <BackendProvider api={{ robustness } as unknown as NetCanvasApi}>
        <Robustness runs={runs} colors={['#000', '#111', '#222']} />
      </BackendProvider>,
    );
    const region = screen.getByRole('region', { name: 'Robustness' });
    fireEvent.click(within(region).getByRole('button', { name: 'Score robustness' }));
    const table = await within(region).findByRole('table');
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('columnheader')
          .map((h) => h.textContent),
      ).toEqual(['test images', 'CNN', 'MLP']),
    );
    expect(robustness.mock.calls).toEqual([
      ['a', 2000],
      ['b', 2000],
    ]);
    const row = (label: string) => within(table).getByRole('row', { name: new RegExp(label) });
    expect(
      within(row('untouched'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['98.0%', '95.0%']);
    expect(
      within(row('shifted by 4'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['68.0%', '65.0%']);
    expect(region.textContent).toContain('Runs still training, or failed, are left out.');
  });
});
