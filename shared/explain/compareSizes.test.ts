import { describe, expect, it } from 'vitest';
import { templateById } from '../templates/projectTemplates';
import { compareSizes } from './compareSizes';

describe('compareSizes', () => {
  it('shows where the CNN saves parameters compared with the MLP', () => {
    const mlp = templateById('lesson-ffnn')?.project.graph;
    const cnn = templateById('lesson-cnn')?.project.graph;
    if (!mlp || !cnn) throw new Error('lesson templates missing');
    const c = compareSizes(mlp, cnn);
    expect(c.totalA).toBe(669_706);
    expect(c.totalB).toBe(121_930);
    expect(c.summary).toBe('669,706 vs 121,930 parameters: the second has 5.5× fewer');
    // The MLP's first Dense layer (784 × 512 + 512) holds most of its weights.
    expect(c.largestA).toMatchObject({ type: 'Dense', params: 401_920 });
    expect(c.rows.reduce((sum, r) => sum + (r.a?.params ?? 0), 0)).toBe(669_706);
    expect(c.rows.reduce((sum, r) => sum + (r.b?.params ?? 0), 0)).toBe(121_930);
    expect(c.rows.filter((r) => r.b?.type === 'Conv2D').map((r) => r.b?.params)).toEqual([
      320, 18_496,
    ]);
  });
});
