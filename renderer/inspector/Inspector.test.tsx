// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inferGraph } from '../../shared/graph/inferGraph';
import { templateById } from '../../shared/templates/projectTemplates';
import { useProjectStore } from '../state/projectStore';
import { keySettings } from '../canvas/keySettings';
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
    // Insight draws every layer with maps or a vector out, but not one that repeats its input.
    selectFirst('MaxPooling2D');
    rerender(<Inspector onLookInside={lookInside} />);
    expect(screen.getByRole('button', { name: 'See what this layer sees' })).toBeTruthy();
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
    const units = within(screen.getByRole('complementary', { name: 'Inspector' })).getByRole(
      'textbox',
      { name: 'units' },
    );
    await userEvent.clear(units);
    await userEvent.type(units, 'ten');
    expect(units.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/units/i);
    await userEvent.clear(units);
    await userEvent.type(units, '10');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('inspector: window sizes read as Keras reads them', () => {
  const kernelOf = () =>
    useProjectStore.getState().project?.graph.nodes.find((n) => n.type === 'Conv2D')?.params
      .kernel_size;

  it.each(['5', '5, 5', '[5, 5]', '(5, 5)', '5x5', '5×5'])(
    '"%s" makes a 5×5 kernel, shown as typed',
    async (typed) => {
      const id = selectFirst('Conv2D');
      render(<Inspector />);
      const field = within(screen.getByRole('complementary', { name: 'Inspector' })).getByRole(
        'textbox',
        { name: 'kernel_size' },
      );
      await userEvent.clear(field);
      await userEvent.type(field, typed.replace(/\[/g, '[['));
      expect((field as HTMLInputElement).value).toBe(typed);
      expect(field.getAttribute('aria-invalid')).toBeNull();
      const graph = useProjectStore.getState().project?.graph;
      if (!graph) throw new Error('no project');
      // 28 − 5 + 1 = 24, and 5·5·1·32 + 32 = 832 parameters.
      expect(inferGraph(graph).nodes.get(id)?.outputShape).toEqual([null, 24, 24, 32]);
      expect(inferGraph(graph).nodes.get(id)?.params?.trainable).toBe(832);
      expect(kernelOf()).toEqual(typed === '5' ? 5 : [5, 5]);
    },
  );

  it('while the text does not read yet, the layer is invalid (not still 3×3)', async () => {
    const id = selectFirst('Conv2D');
    render(<Inspector />);
    const field = within(screen.getByRole('complementary', { name: 'Inspector' })).getByRole(
      'textbox',
      { name: 'kernel_size' },
    );
    await userEvent.clear(field);
    await userEvent.type(field, '[[5, 5');
    expect((field as HTMLInputElement).value).toBe('[5, 5');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const graph = useProjectStore.getState().project?.graph;
    if (!graph) throw new Error('no project');
    const report = inferGraph(graph).nodes.get(id);
    expect(report?.outputShape).toBeUndefined();
    expect(report?.issues.map((i) => i.message).join(' ')).toMatch(
      /kernel_size must be a whole number or two of them/,
    );
    const node = graph.nodes.find((n) => n.id === id);
    if (!node) throw new Error('no conv2d');
    expect(keySettings(node)).toContain('kernel_size invalid');
    expect(keySettings(node)).not.toContain('3×3');
  });
});
