import { describe, expect, it } from 'vitest';
import { stackGraph } from '../templates/stackGraph';
import { newProject } from './newProject';
import { parseProjectFile, serializeProject } from './parseProject';

const good = newProject(
  'CNN',
  stackGraph([['InputLayer', { shape: [28, 28, 1] }], ['Flatten'], ['Dense', { units: 10 }]]),
);

describe('project files', () => {
  it('round-trips a project through its text form', () => {
    expect(parseProjectFile(serializeProject(good))).toEqual(good);
  });

  const broken = (mutate: (p: Record<string, unknown>) => void) => {
    const data = JSON.parse(serializeProject(good)) as Record<string, unknown>;
    mutate(data);
    return JSON.stringify(data);
  };

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a truncated file', serializeProject(good).slice(0, 40), /^not valid JSON .*truncated/],
    ['a Keras model instead', '{"class_name":"Sequential"}', 'format: not a NetCanvas project'],
    [
      'a newer version',
      broken((p) => (p.version = 7)),
      /^version: this project was saved by a newer NetCanvas/,
    ],
    [
      'a non-numeric position',
      broken(
        (p) =>
          ((p.graph as { nodes: { position: { x: unknown } }[] }).nodes[1]!.position.x = 'left'),
      ),
      /^graph\.nodes\[1\]\.position\.x: /,
    ],
    [
      'a bad batch size',
      broken((p) => ((p.training as Record<string, unknown>).batchSize = 0)),
      /^training\.batchSize: /,
    ],
    [
      'an object as a parameter',
      broken(
        (p) =>
          ((p.graph as { nodes: { params: unknown }[] }).nodes[2]!.params = { units: { n: 1 } }),
      ),
      /^graph\.nodes\[2\]\.params\.units: /,
    ],
    [
      'a duplicate node id',
      broken((p) => ((p.graph as { nodes: { id: string }[] }).nodes[1]!.id = 'input_layer')),
      'graph.nodes[1].id: duplicate node id "input_layer"',
    ],
    ['an unknown data set', broken((p) => (p.dataset = { kind: 'imagenet' })), /^dataset\.kind: /],
  ])('names the exact problem in %s', (_t, text, message) => {
    expect(() => parseProjectFile(text)).toThrow(message);
  });
});

describe('a project names its data set with the same reference the API checks', () => {
  it("keeps an image folder's test fraction (it was dropped on reading before)", () => {
    const folder = {
      kind: 'folder',
      path: '/data/hotdog',
      imageSize: [64, 64],
      color: 'rgb',
      testFraction: 0.3,
    } as const;
    const project = { ...good, dataset: folder };
    expect(parseProjectFile(serializeProject(project)).dataset).toEqual(folder);
  });

  it('refuses a misspelt field rather than dropping it', () => {
    const text = serializeProject({
      ...good,
      dataset: { kind: 'cifar10', path: '/data/cifar' },
    }).replace('"path"', '"pth"');
    expect(() => parseProjectFile(text)).toThrow(/^dataset/);
  });
});

describe('the training task', () => {
  it('opens a project saved before tasks existed as a classifier, unchanged otherwise', () => {
    const data = JSON.parse(serializeProject(good)) as { training: Record<string, unknown> };
    delete data.training.task;
    const opened = parseProjectFile(JSON.stringify(data));
    expect(opened.training.task).toBe('classify');
    expect(opened).toEqual(good);
  });

  it('keeps a reconstruct task and refuses an unknown one by name', () => {
    const autoencoder = { ...good, training: { ...good.training, task: 'reconstruct' as const } };
    expect(parseProjectFile(serializeProject(autoencoder)).training.task).toBe('reconstruct');
    expect(() =>
      parseProjectFile(serializeProject(autoencoder).replace('"reconstruct"', '"segment"')),
    ).toThrow(/^training\.task: /);
  });
});
