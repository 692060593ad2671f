// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
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

// jsdom renders the whole gallery (about fifteen cards, each with its network drawn in SVG): on
// a busy machine one test can pass vitest's 5 s default.
describe('start screen', { timeout: 20_000 }, () => {
  it('opens a template from the gallery', async () => {
    renderStart();
    // Scoped to its group: role queries over the whole gallery are slow in jsdom.
    await userEvent.click(
      within(screen.getByRole('region', { name: 'MNIST digits' })).getByRole('button', {
        name: /CNN 32-64 'valid'/,
      }),
    );
    const graph = useProjectStore.getState().project?.graph;
    expect(graph && inferGraph(graph).totals.total).toBe(121_930);
  });

  it('offers the autosaved project after a crash, and Recover opens it unsaved', async () => {
    const api = createFakeApi();
    const mlp = templateById('mlp');
    if (!mlp) throw new Error('template mlp missing');
    api.autosaved = { ...mlp.project, name: 'Lost work' };
    renderStart(api);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Lost work');
    await userEvent.click(within(alert).getByRole('button', { name: 'Recover' }));
    expect(useProjectStore.getState().project?.name).toBe('Lost work');
  });

  it('Discard forgets the autosave', async () => {
    const api = createFakeApi();
    const mlp = templateById('mlp');
    if (!mlp) throw new Error('template mlp missing');
    api.autosaved = mlp.project;
    renderStart(api);
    await userEvent.click(
      within(await screen.findByRole('alert')).getByRole('button', { name: 'Discard' }),
    );
    expect(api.autosaved).toBeNull();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it("says in plain words when last session's work could not be read, instead of staying silent", async () => {
    const api = createFakeApi({
      overrides: {
        recoverAutosave: () =>
          Promise.reject(new Error('It was kept as .autosave-damaged-2026-11-26.netcanvas.json.')),
      },
    });
    renderStart(api);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not read it');
    expect(alert.textContent).toContain('.autosave-damaged-2026-11-26.netcanvas.json');
    expect(within(alert).queryByRole('button', { name: 'Recover' })).toBeNull();
  });

  it('shows each template with its network drawn small, grouped by data set', () => {
    renderStart();
    for (const group of ['MNIST digits', 'Fashion-MNIST', 'CIFAR-10', 'Your own images'])
      expect(screen.getByRole('region', { name: group })).toBeTruthy();
    const cifar = screen.getByRole('region', { name: 'CIFAR-10' });
    const card = within(cifar).getByRole('button', { name: /CIFAR-10 CNN/ });
    // Slabs for the image tensors (the input, three conv + pool stages, the dropout after them),
    // bars for the vectors (flatten, dense, dropout, dense).
    expect(card.querySelectorAll('svg.nc-thumbnail g').length).toBe(8);
    expect(card.querySelectorAll('svg.nc-thumbnail rect').length).toBe(4);
  });
});
