// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAYER_TYPES } from '../../shared/layers/catalogue';
import { newProject } from '../../shared/project/newProject';
import { useProjectStore } from '../state/projectStore';
import { Palette } from './Palette';

beforeEach(() =>
  useProjectStore.getState().open(
    newProject('Test', {
      nodes: [
        {
          id: 'n0',
          type: 'InputLayer',
          name: 'input_layer',
          params: { shape: [28, 28, 1] },
          position: { x: 0, y: 0 },
        },
      ],
      edges: [],
    }),
    null,
  ),
);
afterEach(cleanup);

describe('palette', () => {
  it('names every block by its Keras class', () => {
    render(<Palette />);
    const palette = screen.getByRole('navigation', { name: 'Layers' });
    for (const type of LAYER_TYPES)
      expect(within(palette).getByRole('button', { name: type })).toBeTruthy();
  });

  it('filters blocks by the search box', async () => {
    render(<Palette />);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search layers' }), 'pool');
    const names = within(screen.getByRole('navigation', { name: 'Layers' }))
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(names).toContain('MaxPooling2D');
    expect(names).not.toContain('Dense');
  });

  it('appends a block after the selected layer, wired in, from the keyboard', async () => {
    render(<Palette />);
    useProjectStore.getState().select(['n0']);
    screen.getByRole('button', { name: 'Flatten' }).focus();
    await userEvent.keyboard('{Enter}');
    const { project, selection } = useProjectStore.getState();
    const flatten = project?.graph.nodes.find((n) => n.type === 'Flatten');
    expect(flatten).toBeDefined();
    expect(project?.graph.edges).toEqual([
      expect.objectContaining({ source: 'n0', target: flatten?.id }),
    ]);
    expect(selection).toEqual([flatten?.id]);
  });
});
