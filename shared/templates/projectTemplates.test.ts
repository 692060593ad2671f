// tfjs counts the exported topology as a second, independent judge of each total.
// eslint-disable-next-line no-restricted-imports -- tests may use tfjs; the shipped shared/ code never does
import * as tf from '@tensorflow/tfjs';
// eslint-disable-next-line no-restricted-imports -- the plain-JS backend, so the test runs anywhere
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { inferGraph } from '../graph/inferGraph';
import { toKerasTopology } from '../keras/toKerasTopology';
import { parseProjectFile, serializeProject } from '../project/parseProject';
import { FFNN_VS_CNN, LESSONS, PROJECT_TEMPLATES, templateById } from './projectTemplates';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** The totals Keras prints for the tutorial networks (the hot-dog CNN worked out by hand). */
const KERAS_TOTALS: Readonly<Record<string, number>> = {
  mlp: 669_706,
  'cnn-same': 220_234,
  'cnn-valid': 121_930,
  'cnn-dropout': 596_042,
  'cnn-30-70': 195_860,
  'cifar10-cnn': 528_054,
  // conv 160 + conv 4,640 + conv 18,496 + dense 6·6·64·64+64 = 147,520 + dense 130
  'hotdog-cnn': 170_946,
  'lesson-ffnn': 669_706,
  'lesson-cnn': 121_930,
  // conv 160 + depthwise 3·3·16 = 144 + BN 64 + pointwise 17·32 = 544 + depthwise 288 + BN 128 + pointwise 33·64 = 2,112 + dense 650
  'mobilenet-mini': 4_090,
  // conv 3·3·1·16+16 = 160, conv 3·3·16·8+8 = 1,160, conv 3·3·8·8+8 = 584, conv 3·3·8·1+1 = 73; pooling and upsampling add none
  autoencoder: 1_977,
};

const classesOf = (kind: string) => (kind === 'folder' ? 2 : 10);

describe('project templates', () => {
  it('are the tutorial networks, in gallery order', () => {
    expect(PROJECT_TEMPLATES.map((t) => t.id)).toEqual(Object.keys(KERAS_TOTALS));
  });

  it.each(PROJECT_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: Keras total by inferGraph and by tfjs, no problems',
    async (id, t) => {
      const { graph, dataset } = t.project;
      const report = inferGraph(graph, { classes: classesOf(dataset.kind) });
      expect(report.issues).toEqual([]);
      expect(report.totals.total).toBe(KERAS_TOTALS[id]);
      expect(t.kerasTotal).toBe(KERAS_TOTALS[id]);
      const topology: object = toKerasTopology(graph);
      const model = await tf.models.modelFromJSON(
        topology as Parameters<typeof tf.models.modelFromJSON>[0],
      );
      expect(model.countParams()).toBe(KERAS_TOTALS[id]);
      model.dispose();
    },
  );

  it.each(PROJECT_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: a complete project file that saves and loads unchanged',
    (_id, t) => {
      expect(parseProjectFile(serializeProject(t.project))).toEqual(t.project);
      expect(t.project.name.length).toBeGreaterThan(3);
      expect(t.description.length).toBeGreaterThan(20);
      expect(t.description.length).toBeLessThan(200);
      // Every block has its own place on the canvas.
      const places = new Set(t.project.graph.nodes.map((n) => `${n.position.x},${n.position.y}`));
      expect(places.size).toBe(t.project.graph.nodes.length);
    },
  );

  it('the hot-dog template reads a two-class folder of 64×64 grayscale images', () => {
    const t = templateById('hotdog-cnn');
    expect(t?.project.dataset).toMatchObject({
      kind: 'folder',
      imageSize: [64, 64],
      color: 'grayscale',
    });
    expect(t?.project.graph.nodes[0]?.params).toEqual({ shape: [64, 64, 1] });
  });

  it('the autoencoder gives back an image the shape of its input and trains to reconstruct it', () => {
    const t = templateById('autoencoder');
    const graph = t?.project.graph ?? { nodes: [], edges: [] };
    const report = inferGraph(graph);
    const shapes = graph.nodes.map((n) => report.nodes.get(n.id)?.outputShape);
    expect(shapes[0]).toEqual([null, 28, 28, 1]);
    expect(shapes.at(-1)).toEqual([null, 28, 28, 1]);
    expect(shapes).toContainEqual([null, 7, 7, 8]);
    expect(t?.project.training.task).toBe('reconstruct');
  });

  it('are found by id', () => {
    expect(templateById('cnn-valid')?.kerasTotal).toBe(121_930);
    expect(templateById('nope')).toBeUndefined();
  });

  it('the FFNN-vs-CNN lesson pairs two MNIST templates trained alike, so only the network differs', () => {
    expect(LESSONS).toContain(FFNN_VS_CNN);
    const [a, b] = FFNN_VS_CNN.templateIds.map(templateById);
    expect(a?.project.dataset).toEqual({ kind: 'mnist' });
    expect(b?.project.dataset).toEqual(a?.project.dataset);
    expect(b?.project.training).toEqual(a?.project.training);
    expect(a?.project.graph.nodes.some((n) => n.type === 'Conv2D')).toBe(false);
    expect(b?.project.graph.nodes.some((n) => n.type === 'Conv2D')).toBe(true);
  });
});
