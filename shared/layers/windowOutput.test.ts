import { describe, expect, it } from 'vitest';
import { inferGraph } from '../graph/inferGraph';
import { stackGraph } from '../templates/stackGraph';

describe('a window that does not fit', () => {
  it.each([
    ['Conv2D', { kernel_size: [40, 40] }, '40×40 window', '28×28 input', 'at least 40×40'],
    ['MaxPooling2D', { pool_size: [30, 30] }, '30×30 window', '28×28 input', 'at least 30×30'],
    [
      'Conv2D',
      { kernel_size: [5, 5], dilation_rate: [8, 8] },
      '5×5 window (33×33 once dilated)',
      '28×28 input',
      'at least 33×33',
    ],
  ])('%s %j says what it needs, never a negative size', (type, params, window, input, needs) => {
    const r = inferGraph(
      stackGraph([
        ['InputLayer', { shape: [28, 28, 1] }],
        [type, params],
      ]),
    );
    const message = r.issues.find((i) => i.code === 'kernelTooLarge')?.message ?? '';
    expect(message).toContain(window);
    expect(message).toContain(input);
    expect(message).toContain(needs);
    expect(message).not.toMatch(/[-−]\d/);
  });
});
