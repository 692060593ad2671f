// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newProject } from '../../shared/project/newProject';
import { stackGraph } from '../../shared/templates/stackGraph';
import { BackendProvider } from '../backend/useBackend';
import { TrainingDashboard } from './TrainingDashboard';
import { createFakeApi } from '../backend/fakeApi';
import { startedEvent } from './testing/scriptedRun';
import { stubResizeObserver } from './testing/stubResizeObserver';

vi.mock('uplot', async (importOriginal) =>
  (await import('./testing/fakeUPlot')).fakeUPlotModule(importOriginal),
);

const project = newProject(
  'Tiny MLP',
  stackGraph([
    ['InputLayer', { shape: [28, 28, 1] }],
    ['Flatten'],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]),
);

beforeEach(() => {
  stubResizeObserver();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a queued run in the dashboard', () => {
  it('shows its place in the queue while it waits, and the progress once it starts', async () => {
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
    act(() => fake.emit({ type: 'queued', runId: 'run-1', position: 2, maxRunning: 2 }));
    expect(screen.getByRole('status', { name: 'Queue position' }).textContent).toBe(
      'Waiting: 2nd in the queue. This machine trains 2 runs at once.',
    );
    act(() => fake.emit({ type: 'queued', runId: 'run-1', position: 1, maxRunning: 2 }));
    expect(screen.getByRole('status', { name: 'Queue position' }).textContent).toMatch(
      /^Waiting: next to start\./,
    );
    act(() => fake.emit(startedEvent('run-1', 4, 2)));
    expect(screen.queryByRole('status', { name: 'Queue position' })).toBeNull();
  });
});
