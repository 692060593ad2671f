// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunRecord } from '../../shared/api/backendApi';
import { newRunRecord } from '../../shared/api/backendApi';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import { BackendProvider } from '../backend/useBackend';
import type { FakeApi } from '../backend/fakeApi';
import { createFakeApi } from '../backend/fakeApi';
import { fakeCharts, pointsOf } from '../training/testing/fakeUPlot';
import { batchEvent, doneEvent, epochEvent, startedEvent } from '../training/testing/scriptedRun';
import { useRunsStore } from '../training/runsStore';
import { ComparePanel, RUN_COLORS } from './ComparePanel';
import { stubResizeObserver } from '../training/testing/stubResizeObserver';
import type { ComparePanelProps } from './ComparePanel';

vi.mock('uplot', async (importOriginal) =>
  (await import('../training/testing/fakeUPlot')).fakeUPlotModule(importOriginal),
);

const record = (
  id: string,
  title: string,
  startedAtMs: number,
  over: Partial<RunRecord> = {},
): RunRecord => ({
  ...newRunRecord(
    id,
    {
      title,
      graph: { nodes: [], edges: [] },
      dataset: { kind: 'mnist' },
      settings: { ...DEFAULT_TRAINING, limit: 1000 },
      backend: 'auto',
    },
    startedAtMs,
    669706,
  ),
  status: 'done',
  backend: { name: 'wasm', skipped: [] },
  ...over,
});

function renderPanel(fake: FakeApi, onOpenProject?: ComparePanelProps['onOpenProject']) {
  render(
    <BackendProvider api={fake}>
      <ComparePanel onOpenProject={onOpenProject} />
    </BackendProvider>,
  );
}

const nextFrame = () => act(() => new Promise<void>((r) => requestAnimationFrame(() => r())));

beforeEach(() => {
  stubResizeObserver();
  fakeCharts.length = 0;
});
afterEach(cleanup);

describe('ComparePanel', () => {
  it('offers the feed-forward vs CNN lesson while there is nothing to compare', async () => {
    useRunsStore.getState().reset();
    renderPanel(createFakeApi(), vi.fn());
    expect(
      await screen.findByRole('region', { name: 'Feed-forward vs convolutional on MNIST' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Train both' })).toBeTruthy();
    cleanup();
    useRunsStore.getState().reset();
    renderPanel(createFakeApi({ runs: [record('mlp', 'MLP', 1000)] }), vi.fn());
    await screen.findByRole('table', { name: 'Runs' });
    expect(screen.queryByRole('button', { name: 'Train both' })).toBeNull();
    cleanup();
    useRunsStore.getState().reset();
  });

  it('lists runs and compares the picked ones: table numbers and one chart per metric with a line per run', async () => {
    const fake = createFakeApi({
      runs: [
        record('mlp', 'MLP', 1000, { totalParams: 669706 }),
        record('cnn', 'CNN', 2000, { totalParams: 121930 }),
        record('old', 'Old', 500, { status: 'failed', error: 'The loss became NaN' }),
      ],
    });
    renderPanel(fake);
    const list = await screen.findByRole('table', { name: 'Runs' });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent?.split(' (')[0])).toEqual([
      'CNN',
      'MLP',
      'Old',
    ]);
    expect(
      within(rows[0] as HTMLElement).getByText('adam, lr 0.001, batch 64, 5 epochs, 1,000 samples'),
    ).toBeTruthy();

    const compare = screen.getByRole('button', { name: 'Compare' });
    await userEvent.click(within(list).getByRole('checkbox', { name: /Pick MLP/ }));
    expect(compare).toHaveProperty('disabled', true);
    await userEvent.click(within(list).getByRole('checkbox', { name: /Pick CNN/ }));
    await userEvent.click(compare);

    // The two runs finish their (re)played training while the comparison is open.
    act(() => {
      fake.emit(startedEvent('mlp', 10));
      fake.emit(batchEvent('mlp', 1, 5, 0.9, 0.71));
      fake.emit(epochEvent('mlp', 1, 0.5, 0.86));
      fake.emit(doneEvent('mlp', 0.9312, 0.2291, 5200, 9500));
      fake.emit(startedEvent('cnn', 10));
      fake.emit(epochEvent('cnn', 1, 0.3, 0.92));
      fake.emit(doneEvent('cnn', 0.9784, 0.0712, 1800, 31_000));
    });
    const table = screen.getByRole('table', { name: 'Comparison' });
    const row = (name: string) => {
      const cells = within(table)
        .getByRole('rowheader', { name })
        .closest('tr')
        ?.querySelectorAll('td');
      return Array.from(cells ?? []).map((c) => c.textContent);
    };
    expect(row('MLP')).toEqual(['669,706', '93.1%', '0.2291', '84.0%', '9.5 s', '5,200', 'done']);
    expect(row('CNN')).toEqual([
      '121,930',
      '97.8% (best)',
      '0.0712',
      '90.0%',
      '31 s',
      '1,800',
      'done',
    ]);

    await nextFrame();
    expect(fakeCharts.filter((c) => !c.destroyed).map((c) => c.title)).toEqual([
      'Training loss',
      'Validation loss',
      'Training accuracy',
      'Validation accuracy',
    ]);
    expect(pointsOf('Validation accuracy', 'MLP (per epoch)')).toEqual([0.84]);
    expect(pointsOf('Validation accuracy', 'CNN (per epoch)')).toEqual([0.9]);
    // Each run's batches as a line and its epochs as dots, on one chart.
    expect(pointsOf('Training loss', 'MLP (per batch, raw)')).toEqual([0.9]);
    expect(pointsOf('Training loss', 'MLP (per epoch)')).toEqual([0.5]);
    expect(pointsOf('Training loss', 'CNN (per batch, raw)')).toEqual([]);
    expect(pointsOf('Training loss', 'CNN (per epoch)')).toEqual([0.3]);
    // The x axis spans the runs' own five epochs.
    expect(fakeCharts.find((c) => c.title === 'Training loss' && !c.destroyed)?.xRange).toEqual([
      0, 5,
    ]);
    // The legend names each run with the mark its per-batch and per-epoch values are drawn with, in its colour.
    const legend = within(screen.getByRole('group', { name: 'Training loss' })).getByRole('list', {
      name: 'Legend',
    });
    const items = within(legend).getAllByRole('listitem');
    expect(items.map((li) => `${li.textContent ?? ''}: ${li.dataset.mark ?? ''}`)).toEqual([
      'MLP (per batch): line',
      'MLP (per epoch): dots',
      'CNN (per batch): line',
      'CNN (per epoch): dots',
    ]);
    expect(items[0]?.querySelector('line')?.getAttribute('stroke')).toBe(RUN_COLORS[0]);
    expect(items[1]?.querySelector('circle')?.getAttribute('fill')).toBe(RUN_COLORS[0]);
    expect(items[2]?.querySelector('line')?.getAttribute('stroke')).toBe(RUN_COLORS[1]);
    expect(screen.getByRole('slider', { name: 'Smoothing' })).toBeTruthy();
  });

  it('hides the comparison again when fewer than two runs stay picked', async () => {
    renderPanel(createFakeApi({ runs: [record('a', 'A', 1), record('b', 'B', 2)] }));
    const list = await screen.findByRole('table', { name: 'Runs' });
    await userEvent.click(within(list).getByRole('checkbox', { name: /Pick A/ }));
    await userEvent.click(within(list).getByRole('checkbox', { name: /Pick B/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(screen.getByRole('table', { name: 'Comparison' })).toBeTruthy();
    await userEvent.click(within(list).getByRole('checkbox', { name: /Pick B/ }));
    expect(screen.queryByRole('table', { name: 'Comparison' })).toBeNull();
  });
});
