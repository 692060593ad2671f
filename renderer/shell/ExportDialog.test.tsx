// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportRequest, RunRecord, RunStatus } from '../../shared/api/backendApi';
import { newRunRecord } from '../../shared/api/backendApi';
import { templateById } from '../../shared/templates/projectTemplates';
import { createFakeApi } from '../backend/fakeApi';
import { BackendProvider } from '../backend/useBackend';
import { useProjectStore } from '../state/projectStore';
import { ExportDialog } from './ExportDialog';

const template = templateById('cnn-valid');
if (!template) throw new Error('template cnn-valid missing');
const project = { ...template.project, name: 'CNN 32-64' };

const record = (id: string, title: string, status: RunStatus, startedAtMs: number): RunRecord => ({
  ...newRunRecord(
    id,
    {
      title,
      graph: project.graph,
      dataset: { kind: 'mnist' },
      settings: project.training,
      backend: 'auto',
    },
    startedAtMs,
    121_930,
  ),
  status,
});

beforeEach(() => {
  // jsdom has no modal dialogs.
  if (!('showModal' in HTMLDialogElement.prototype))
    Object.defineProperty(HTMLDialogElement.prototype, 'showModal', {
      configurable: true,
      value(this: HTMLDialogElement) {
        this.open = true;
      },
    });
  useProjectStore.getState().open(project, null);
});
afterEach(cleanup);

describe('Export dialog', () => {
  it("lists the open project's trained runs first, other projects' under their own heading, stopped ones too", async () => {
    const api = createFakeApi({
      runs: [
        record('a', 'CNN 32-64', 'done', 3),
        record('b', 'MLP 784-512-512-10', 'done', 4),
        record('c', 'CNN 32-64', 'stopped', 2),
        record('d', 'CNN 32-64', 'failed', 5),
        record('e', 'CNN 32-64', 'running', 6),
      ],
    });
    render(
      <BackendProvider api={api}>
        <ExportDialog onClose={() => undefined} projectName="CNN 32-64" />
      </BackendProvider>,
    );
    const from = screen.getByLabelText('From');
    await waitFor(() => expect(from.querySelectorAll('optgroup')).toHaveLength(2));
    const groups = [...from.querySelectorAll('optgroup')].map((g) => [
      g.label,
      [...g.querySelectorAll('option')].map((o) => o.value),
    ]);
    expect(groups).toEqual([
      ['Trained runs of CNN 32-64', ['a', 'c']],
      ['Trained runs of other projects', ['b']],
    ]);
    expect(
      within(from).getByRole('option', { name: /^CNN 32-64 · stopped, weights so far/ }),
    ).toBeTruthy();
    // The drawn network stays the first choice.
    expect((from.querySelector('option') as HTMLOptionElement).textContent).toBe(
      'The network as drawn (no trained weights)',
    );
  });

  it('shows the folder the files went to and, in the web shell, a Download button for one .zip', async () => {
    const requests: ExportRequest[] = [];
    const api = createFakeApi({
      overrides: {
        exportModel: (request) => {
          requests.push(request);
          return Promise.resolve({
            files: ['/ws/exports/cnn-32-64-2026-11-26-1432/cnn-32-64.py'],
            folder: '/ws/exports/cnn-32-64-2026-11-26-1432',
            archive: { name: 'cnn-32-64-2026-11-26-1432.zip', base64: btoa('PK fake') },
          });
        },
      },
    });
    const created = vi.fn(() => 'blob:zip');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: () => undefined });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('cnn-32-64-2026-11-26-1432.zip');
    });
    render(
      <BackendProvider api={api}>
        <ExportDialog onClose={() => undefined} projectName="CNN 32-64" />
      </BackendProvider>,
    );
    await userEvent.selectOptions(screen.getByLabelText('Format'), 'Python Keras script');
    await userEvent.click(screen.getByRole('button', { name: 'Export files' }));
    expect(
      await screen.findByText('Saved in the folder /ws/exports/cnn-32-64-2026-11-26-1432:'),
    ).toBeTruthy();
    expect(requests[0]).toMatchObject({
      format: 'python',
      path: null,
      source: { name: 'CNN 32-64' },
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Download cnn-32-64-2026-11-26-1432.zip' }),
    );
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(created).toHaveBeenCalledTimes(1);
    clicked.mockRestore();
  });
});
