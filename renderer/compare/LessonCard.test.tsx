// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { templateById } from '../../shared/templates/projectTemplates';
import { BackendProvider } from '../backend/useBackend';
import { useRunsStore } from '../training/runsStore';
import { createFakeApi } from '../backend/fakeApi';
import { LessonCard } from './LessonCard';

afterEach(cleanup);

describe('LessonCard', () => {
  it('opens the lesson networks, trains both at once on the chosen sample count, and shows the comparison', async () => {
    const fake = createFakeApi();
    const onOpenProject = vi.fn();
    const onShowCompare = vi.fn();
    render(
      <BackendProvider api={fake}>
        <LessonCard onOpenProject={onOpenProject} onShowCompare={onShowCompare} />
      </BackendProvider>,
    );
    await userEvent.selectOptions(
      screen.getByLabelText('Train on'),
      '3,000 images, 2 epochs (a quick look)',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Train both' }));

    const ffnn = templateById('lesson-ffnn')?.project;
    const cnn = templateById('lesson-cnn')?.project;
    expect(fake.started.map((r) => r.graph)).toEqual([ffnn?.graph, cnn?.graph]);
    expect(fake.started.map((r) => r.settings.limit)).toEqual([3000, 3000]);
    expect(fake.started.map((r) => r.settings.epochs)).toEqual([2, 2]);
    expect(fake.started[1]?.settings.batchSize).toBe(cnn?.training.batchSize);
    expect(onOpenProject).toHaveBeenCalledWith(expect.objectContaining({ graph: cnn?.graph }));
    expect(onShowCompare).toHaveBeenCalledOnce();
    const state = useRunsStore.getState();
    expect(state.selection).toEqual(['run-1', 'run-2']);
    expect(state.comparing).toBe(true);
    // Parameter counts come from the graph, as Keras would print them.
    expect(state.runs['run-1']?.totalParams).toBe(669_706);
    expect(state.runs['run-2']?.totalParams).toBe(121_930);
  });

  it('shows a run that could not start as failed, and still shows the comparison', async () => {
    const fake = createFakeApi({ startError: 'MNIST could not be read' });
    const onShowCompare = vi.fn();
    render(
      <BackendProvider api={fake}>
        <LessonCard onOpenProject={vi.fn()} onShowCompare={onShowCompare} />
      </BackendProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Train both' }));
    const state = useRunsStore.getState();
    expect(state.selection.map((id) => state.runs[id]?.error?.message)).toEqual([
      'MNIST could not be read',
      'MNIST could not be read',
    ]);
    expect(onShowCompare).toHaveBeenCalledOnce();
  });
});
