// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { templateById } from '../../shared/templates/projectTemplates';
import { useProjectStore } from '../state/projectStore';
import { SummaryPanel } from './SummaryPanel';

afterEach(cleanup);

describe('model summary panel', () => {
  it.each([
    ['cnn-valid', '121,930'],
    ['mlp', '669,706'],
  ])('shows the %s template as Keras does: Total params: %s', (id, total) => {
    const template = templateById(id);
    if (!template) throw new Error(`template ${id} missing`);
    useProjectStore.getState().open(template.project, null);
    render(<SummaryPanel />);
    const region = screen.getByRole('region', { name: 'Model summary' });
    expect(region.textContent).toContain(`Total params: ${total}`);
    expect(region.textContent).toContain(`Trainable params: ${total}`);
    expect(region.textContent).toContain('Non-trainable params: 0');
  });

  it('lists each layer with its output shape and parameter count', () => {
    const template = templateById('cnn-valid');
    if (!template) throw new Error('template cnn-valid missing');
    useProjectStore.getState().open(template.project, null);
    render(<SummaryPanel />);
    const rows = within(screen.getByRole('region', { name: 'Model summary' }))
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('[role=cell]')].map((c) => c.textContent));
    expect(rows).toContainEqual(['conv2d_1 (Conv2D)', '(None, 11, 11, 64)', '18,496']);
    expect(rows).toContainEqual(['dense (Dense)', '(None, 64)', '102,464']);
  });

  it('updates the rows an edit changes (rows are memoised by their text)', () => {
    const template = templateById('cnn-valid');
    if (!template) throw new Error('template cnn-valid missing');
    useProjectStore.getState().open(template.project, null);
    render(<SummaryPanel />);
    const cells = () =>
      within(screen.getByRole('region', { name: 'Model summary' }))
        .getAllByRole('row')
        .map((r) => [...r.querySelectorAll('[role=cell]')].map((c) => c.textContent));
    expect(cells()).toContainEqual(['dense (Dense)', '(None, 64)', '102,464']);
    act(() =>
      useProjectStore.getState().editGraph((g) => ({
        ...g,
        nodes: g.nodes.map((n) =>
          n.name === 'dense' ? { ...n, params: { ...n.params, units: 32 } } : n,
        ),
      })),
    );
    expect(cells()).toContainEqual(['dense (Dense)', '(None, 32)', '51,232']);
    expect(cells()).toContainEqual(['dense_1 (Dense)', '(None, 10)', '330']);
    expect(cells()).toContainEqual(['conv2d_1 (Conv2D)', '(None, 11, 11, 64)', '18,496']);
    expect(screen.getByRole('region', { name: 'Model summary' }).textContent).toContain(
      'Total params: 70,378',
    );
  });
});
