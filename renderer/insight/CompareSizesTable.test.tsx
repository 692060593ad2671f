// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { templateById } from '../../shared/templates/projectTemplates';
import { CompareSizesTable } from './CompareSizesTable';

afterEach(cleanup);

describe('CompareSizesTable', () => {
  it('lists the MLP and the CNN layer by layer with their totals', () => {
    const mlp = templateById('lesson-ffnn')?.project.graph;
    const cnn = templateById('lesson-cnn')?.project.graph;
    if (!mlp || !cnn) throw new Error('lesson templates missing');
    render(<CompareSizesTable a={mlp} b={cnn} titleA="MLP" titleB="CNN" />);
    const table = screen.getByRole('table', { name: 'Compare sizes' });
    expect(
      within(table).getByText('669,706 vs 121,930 parameters: the second has 5.5× fewer'),
    ).toBeTruthy();
    const rows = within(table)
      .getAllByRole('row')
      .map((r) =>
        within(r)
          .queryAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toContainEqual(expect.arrayContaining(['dense (Dense)', '512', '401,920']));
    expect(rows).toContainEqual(expect.arrayContaining(['conv2d (Conv2D)', '26×26×32', '320']));
    expect(rows.at(-1)).toEqual(['Total', '669,706', 'Total', '121,930']);
  });
});
