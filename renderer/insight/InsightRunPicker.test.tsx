// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRequest } from '../../shared/api/backendApi';
import { emptyRun } from '../training/runView';
import { useRunsStore } from '../training/runsStore';
import { InsightRunPicker } from './InsightRunPicker';

const request = (title: string) =>
  ({ title, dataset: { kind: 'mnist' }, settings: { epochs: 1 } }) as unknown as RunRequest;

afterEach(() => {
  cleanup();
  useRunsStore.getState().reset();
});

describe('InsightRunPicker', () => {
  it('says what to do first while no run has a trained model', () => {
    useRunsStore.setState({
      runs: { r1: { ...emptyRun('r1', 0, request('CNN')), status: 'running' } },
      order: ['r1'],
    });
    render(<InsightRunPicker />);
    expect(
      screen.getByRole('region', { name: 'Choose a run to look inside' }).textContent,
    ).toContain('No trained run yet. Train a network on the Train tab');
    expect(screen.queryByRole('button', { name: /Look inside/ })).toBeNull();
  });

  it('lists the finished and stopped runs and looks inside the one chosen', () => {
    const done = {
      ...emptyRun('r1', 0, request('CNN')),
      status: 'done' as const,
      totalParams: 121930,
    };
    const stopped = { ...emptyRun('r2', 0, request('MLP')), status: 'stopped' as const };
    const failed = { ...emptyRun('r3', 0, request('Broken')), status: 'failed' as const };
    useRunsStore.setState({
      runs: { r1: done, r2: stopped, r3: failed },
      order: ['r3', 'r2', 'r1'],
    });
    let chosen = 0;
    render(<InsightRunPicker onChosen={() => chosen++} />);
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('strong')?.textContent)).toEqual(['MLP', 'CNN']);
    expect(items[1]?.textContent).toContain('MNIST · 121,930 parameters');
    fireEvent.click(screen.getByRole('button', { name: 'Look inside CNN' }));
    expect(useRunsStore.getState().activeRunId).toBe('r1');
    expect(chosen).toBe(1);
  });

  it('gives an autoencoder its reconstruction loss, not an accuracy it does not have', () => {
    const autoencoder = {
      ...emptyRun('r1', 0, {
        title: 'Autoencoder',
        dataset: { kind: 'mnist' },
        settings: { epochs: 1, task: 'reconstruct' },
      } as unknown as RunRequest),
      status: 'done' as const,
      result: {
        testLoss: 0.01234,
        testAccuracy: 0,
        confusion: [],
        perClassAccuracy: [],
        misclassified: [],
      },
    };
    useRunsStore.setState({ runs: { r1: autoencoder }, order: ['r1'] });
    render(<InsightRunPicker />);
    const item = within(screen.getByRole('list')).getByRole('listitem');
    expect(item.textContent).toContain('test reconstruction loss 0.0123');
    expect(item.textContent).not.toContain('accuracy');
  });
});
