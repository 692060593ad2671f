// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inferGraph } from '../../shared/graph/inferGraph';
import { templateById } from '../../shared/templates/projectTemplates';
import { useProjectStore } from '../state/projectStore';
import { Inspector } from './Inspector';

function selectFirst(type: string): string {
  const node = useProjectStore.getState().project?.graph.nodes.find((n) => n.type === type);
  if (!node) throw new Error(`no ${type} layer`);
  useProjectStore.getState().select([node.id]);
  return node.id;
}

beforeEach(() => {
  const template = templateById('cnn-valid');
  if (!template) throw new Error('template cnn-valid missing');
  useProjectStore.getState().open(template.project, null);
});
afterEach(cleanup);

describe('inspector', () => {
  it('offers a jump to what a layer sees once a trained run is there, for layers the Insight view draws', async () => {
    const lookInside = vi.fn();
    selectFirst('Conv2D');
    const { rerender } = render(<Inspector />);
    expect(screen.queryByRole('button', { name: 'See what this layer sees' })).toBeNull();
    rerender(<Inspector onLookInside={lookInside} />);
    await userEvent.click(screen.getByRole('button', { name: 'See what this layer sees' }));
    expect(lookInside).toHaveBeenCalledTimes(1);
    selectFirst('Flatten');
    rerender(<Inspector onLookInside={lookInside} />);
    expect(screen.queryByRole('button', { name: 'See what this layer sees' })).toBeNull();
  });

  it('edits a setting as it is typed, and the totals follow', async () => {
    selectFirst('Conv2D');
    render(<Inspector />);
    const inspector = screen.getByRole('complementary', { name: 'Inspector' });
    const filters = within(inspector).getByRole('textbox', { name: 'filters' });
    await userEvent.clear(filters);
    await userEvent.type(filters, '16');
    const graph = useProjectStore.getState().project?.graph;
    if (!graph) throw new Error('no project');
    // conv2d: 3·3·1·16+16 = 160; conv2d_1: 3·3·16·64+64 = 9,280; the rest unchanged.
    expect(inferGraph(graph).totals.total).toBe(121_930 - 320 - 18_496 + 160 + 9_280);
  });

  it('says what is wrong with a setting while it is typed', async () => {
    selectFirst('Dense');
    render(<Inspector />);
    const units = within(screen.getByRole('complementary', { name: 'Inspector' })).getByRole('textbox', { name: 'units' });
    await userEvent.clear(units);
    await userEvent.type(units, 'ten');
    expect(units.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/units/i);
    await userEvent.clear(units);
    await userEvent.type(units, '10');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
