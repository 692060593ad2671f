import { describe, expect, it } from 'vitest';
import { inferGraph } from '../graph/inferGraph';
import { netGraph } from '../templates/stackGraph';
import { templateById } from '../templates/projectTemplates';
import { formatIssues, formatSummary } from './formatSummary';
import { readableSize } from './readableSize';
import { summaryJson } from './summaryJson';
import { summaryRows } from './summaryRows';

const graphOf = (id: string) => {
  const g = templateById(id)?.project.graph;
  if (!g) throw new Error(`no template ${id}`);
  return g;
};
const rowText = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('│'))
    .map((l) =>
      l
        .split('│')
        .slice(1, -1)
        .map((c) => c.trim()),
    );

const residual = netGraph([
  ['in', 'InputLayer', { shape: [8, 8, 4] }],
  ['c', 'Conv2D', { filters: 4, padding: 'same', use_bias: false }],
  ['bn', 'BatchNormalization'],
  ['add', 'Add', {}, ['bn', 'in']],
  ['f', 'Flatten'],
  ['d', 'Dense', { units: 3, activation: 'softmax' }],
]);

describe('formatSummary: the table Keras 3 prints', () => {
  it('for the classic MNIST CNN, every row and the totals as Keras prints them', () => {
    const g = graphOf('cnn-valid');
    const text = formatSummary(g, inferGraph(g));
    expect(text.split('\n')[0]).toBe('Model: "sequential"');
    expect(text).toMatch(/^┃ Layer \(type\) +┃ Output Shape +┃ +Param # ┃$/m);
    expect(rowText(text)).toEqual([
      ['conv2d (Conv2D)', '(None, 26, 26, 32)', '320'],
      ['max_pooling2d (MaxPooling2D)', '(None, 13, 13, 32)', '0'],
      ['conv2d_1 (Conv2D)', '(None, 11, 11, 64)', '18,496'],
      ['max_pooling2d_1 (MaxPooling2D)', '(None, 5, 5, 64)', '0'],
      ['flatten (Flatten)', '(None, 1600)', '0'],
      ['dense (Dense)', '(None, 64)', '102,464'],
      ['dense_1 (Dense)', '(None, 10)', '650'],
    ]);
    expect(
      text.endsWith(
        ' Total params: 121,930 (476.29 KB)\n Trainable params: 121,930 (476.29 KB)\n Non-trainable params: 0 (0.00 B)\n',
      ),
    ).toBe(true);
    // Keras 3's sequential table is 88 characters wide.
    expect(text.split('\n')[1]?.length).toBe(88);
  });

  it('for a functional model: the Input row, Connected to, and non-trainable statistics', () => {
    const text = formatSummary(residual, inferGraph(residual), { name: 'resnet' });
    expect(text.split('\n')[0]).toBe('Model: "resnet"');
    expect(text).toMatch(/┃ Connected to +┃$/m);
    expect(rowText(text)).toEqual([
      ['input_layer (InputLayer)', '(None, 8, 8, 4)', '0', '-'],
      ['conv2d (Conv2D)', '(None, 8, 8, 4)', '144', 'input_layer[0][0]'],
      ['batch_normalization (BatchNormalization)', '(None, 8, 8, 4)', '16', 'conv2d[0][0]'],
      ['add (Add)', '(None, 8, 8, 4)', '0', 'batch_normalization[0][0], input_layer[0][0]'],
      ['flatten (Flatten)', '(None, 256)', '0', 'add[0][0]'],
      ['dense (Dense)', '(None, 3)', '771', 'flatten[0][0]'],
    ]);
    expect(text).toContain(
      ' Total params: 931 (3.64 KB)\n Trainable params: 923 (3.61 KB)\n Non-trainable params: 8 (32.00 B)\n',
    );
  });

  it('shows ? where an error leaves a shape unknown, and lists the error with its hint', () => {
    const g = netGraph([
      ['in', 'InputLayer', { shape: [4, 4, 1] }],
      ['c', 'Conv2D', { filters: 2, kernel_size: 5 }],
      ['f', 'Flatten'],
    ]);
    const report = inferGraph(g);
    expect(rowText(formatSummary(g, report))).toEqual([
      ['conv2d (Conv2D)', '?', '?'],
      ['flatten (Flatten)', '?', '?'],
    ]);
    expect(formatIssues(g, report)).toMatch(/^Error: conv2d: .*5.*4.*\n/);
  });
});

describe('summaryRows and summaryJson', () => {
  it('rows carry the counts the summary panel needs', () => {
    const { form, rows } = summaryRows(residual, inferGraph(residual));
    expect(form).toBe('functional');
    expect(rows.find((r) => r.type === 'BatchNormalization')).toMatchObject({
      params: 16,
      trainable: 8,
      nonTrainable: 8,
      connectedTo: ['conv2d'],
    });
  });

  it('the JSON form is exactly the command-line contract', () => {
    const g = graphOf('mlp');
    const json = summaryJson(g, inferGraph(g, { classes: 3 }));
    expect(Object.keys(json)).toEqual([
      'layers',
      'totalParams',
      'trainableParams',
      'nonTrainableParams',
      'errors',
      'warnings',
    ]);
    expect(json.layers[0]).toEqual({
      name: 'flatten',
      type: 'Flatten',
      outputShape: [null, 784],
      params: 0,
    });
    expect(json.layers.map((l) => l.params)).toEqual([0, 401_920, 262_656, 5_130]);
    expect([json.totalParams, json.trainableParams, json.nonTrainableParams]).toEqual([
      669_706, 669_706, 0,
    ]);
    expect(json.errors).toEqual([]);
    expect(json.warnings).toEqual([
      expect.objectContaining({ code: 'classCountMismatch', layer: 'dense_2' }),
    ]);
  });
});

describe('readableSize, as Keras rounds', () => {
  it.each([
    [0, '0.00 B'],
    [1023, '1023.00 B'],
    [1024, '1.00 KB'],
    [121_930 * 4, '476.29 KB'],
    [669_706 * 4, '2.55 MB'],
  ])('%i bytes → %s', (bytes, text) => {
    expect(readableSize(bytes)).toBe(text);
  });
});
