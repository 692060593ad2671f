// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inferGraph } from '../../shared/graph/inferGraph';
import { templateById } from '../../shared/templates/projectTemplates';
import { createFakeApi } from '../backend/fakeApi';
import { BackendProvider } from '../backend/useBackend';
import { useProjectStore } from '../state/projectStore';
import { StartScreen } from './StartScreen';

function renderStart(api = createFakeApi()) {
  render(
    <BackendProvider api={api}>
      <StartScreen onShowCompare={() => undefined} onOpen={() => undefined} />
    </BackendProvider>,
  );
  return api;
}

beforeEach(() => useProjectStore.getState().close());
afterEach(cleanup);

describe('start screen', () => {
  it('opens a template from the gallery', async () => {
    renderStart();
    await userEvent.click(screen.getByRole('button', { name: /CNN 32-64 'valid'/ }));
    const graph = useProjectStore.getState().project?.graph;
    expect(graph && inferGraph(graph).totals.total).toBe(121_930);
  });

  it('offers the autosaved project after a crash, and Recover opens it unsaved', async () => {
    const api = createFakeApi();
    const mlp = templateById('mlp');
    if (!mlp) throw new Error('template mlp missing');
    api.autosaved = { ...mlp.project, name: 'Lost work' };
    renderStart(api);
    expect((await screen.findByRole('alert')).textContent).toContain('Lost work');
    await userEvent.click(screen.getByRole('button', { name: 'Recover' }));
    expect(useProjectStore.getState().project?.name).toBe('Lost work');
  });

  it('Discard forgets the autosave', async () => {
    const api = createFakeApi();
    const mlp = templateById('mlp');
    if (!mlp) throw new Error('template mlp missing');
    api.autosaved = mlp.project;
    renderStart(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(api.autosaved).toBeNull();
    expect(screen.queryByRole('button', { name: 'Recover' })).toBeNull();
  });
});
