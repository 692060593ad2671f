// Every exported Python script, under every distribution strategy, is valid Python
// (`python3 -m py_compile`), and the layer calls Python's own parser finds in it add up to the
// project's parameter count when counted by the layer catalogue.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRIBUTION_STRATEGY_IDS } from '../../shared/api/exportFormats';
import type { DistributionStrategy } from '../../shared/api/exportFormats';
import { inferGraph } from '../../shared/graph/inferGraph';
import type { Edge, Graph, LayerNode, ParamValue } from '../../shared/graph/types';
import { newProject } from '../../shared/project/newProject';
import type { ProjectFile } from '../../shared/project/projectFile';
import { PROJECT_TEMPLATES } from '../../shared/templates/projectTemplates';
import { stackGraph } from '../../shared/templates/stackGraph';
import { POSITIONAL, PYTHON_NAMES } from './pythonLayers';
import { pythonScript } from './pythonScript';

const run = promisify(execFile);
const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython)
  console.warn(
    'pythonScript.test: python3 is not installed here, so the exported scripts are not compiled.',
  );

/**
 * Lists the Keras layer calls of each script with Python's `ast`, in model order: a Sequential's
 * list, or each `x = layers.X(...)(inputs)` of a functional model. Also says whether the model and
 * its compile call sit inside `with strategy.scope():`, and which tf.distribute strategy it makes.
 */
const EXTRACT = String.raw`
import ast, json, sys

def is_attr(node, owner, name=None):
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == owner and (name is None or node.attr == name)

def lit(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return ast.unparse(node)  # a name such as SEED

def layer(call):
    if is_attr(call.func, "keras", "Input"):
        cls = "InputLayer"
    elif is_attr(call.func, "layers"):
        cls = call.func.attr
    else:
        return None
    return {"cls": cls, "args": [lit(a) for a in call.args], "kwargs": {k.arg: lit(k.value) for k in call.keywords}}

def names(node):
    return [node.id] if isinstance(node, ast.Name) else [e.id for e in node.elts]

out = {}
for path in sys.argv[1:]:
    found = {"layers": [], "modelInScope": None, "compileInScope": False, "strategy": None, "augmentation": [], "applied": []}
    alias = {}
    def visit(body, scoped):
        for st in body:
            if isinstance(st, ast.With):
                visit(st.body, scoped or any(isinstance(i.context_expr, ast.Call) and is_attr(i.context_expr.func, "strategy", "scope") for i in st.items))
                continue
            if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call) and is_attr(st.value.func, "model", "compile"):
                found["compileInScope"] = scoped
            if not (isinstance(st, ast.Assign) and isinstance(st.targets[0], ast.Name) and isinstance(st.value, ast.Call)):
                continue
            target, call = st.targets[0].id, st.value
            if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Attribute) and is_attr(call.func.value, "tf", "distribute"):
                found["strategy"] = call.func.attr
            if target == "model" and found["modelInScope"] is None:  # where the model is built (not reloaded)
                found["modelInScope"] = scoped
            if is_attr(call.func, "keras", "Sequential") and target == "augmentation":
                found["augmentation"] = [layer(c) for c in call.args[0].elts]
            elif is_attr(call.func, "keras", "Sequential"):
                found["layers"] += [layer(c) for c in call.args[0].elts if isinstance(c, ast.Call)]
                found["applied"] += [c.id for c in call.args[0].elts if isinstance(c, ast.Name)]
            elif isinstance(call.func, ast.Name) and call.func.id == "augmentation":
                alias[target] = call.args[0].id
                found["applied"].append("augmentation")
            elif isinstance(call.func, ast.Call) and layer(call.func):
                found["layers"].append({**layer(call.func), "var": target, "inputs": [alias.get(n, n) for n in names(call.args[0])]})
            elif layer(call):
                found["layers"].append({**layer(call), "var": target, "inputs": []})
    visit(ast.parse(open(path, encoding="utf-8").read()).body, False)
    out[path] = found
print(json.dumps(out))
`;

interface FoundLayer {
  readonly cls: string;
  readonly args: ParamValue[];
  readonly kwargs: Record<string, ParamValue>;
  readonly var?: string;
  readonly inputs?: string[];
}
interface Found {
  readonly layers: FoundLayer[];
  readonly modelInScope: boolean;
  readonly compileInScope: boolean;
  readonly strategy: string | null;
  /** The layers of the `augmentation` block, and the models it is applied in. */
  readonly augmentation: FoundLayer[];
  readonly applied: string[];
}

/** The network the script's layer calls describe, as a graph the catalogue can count. */
function graphOf(found: readonly FoundLayer[]): Graph {
  const nodes = found.map((l, i): LayerNode => {
    const rename = Object.fromEntries(
      Object.entries(PYTHON_NAMES[l.cls] ?? {}).map(([ours, python]) => [python, ours]),
    );
    const params: Record<string, ParamValue> = {};
    (POSITIONAL[l.cls] ?? []).forEach((p, k) => (params[p] = l.args[k] ?? null));
    for (const [k, v] of Object.entries(l.kwargs)) if (k !== 'name') params[rename[k] ?? k] = v;
    return {
      id: l.var ?? `layer${i}`,
      type: l.cls,
      name: String(l.kwargs.name),
      params,
      position: { x: 0, y: i },
    };
  });
  const functional = found.some((l) => l.var !== undefined);
  const edges: Edge[] = functional
    ? found.flatMap((l) =>
        (l.inputs ?? []).map((source, k) => ({
          id: `${source}->${l.var ?? ''}#${k}`,
          source,
          target: l.var ?? '',
        })),
      )
    : nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]?.id ?? '', target: n.id }));
  return { nodes, edges };
}

/** A branching network (functional API): merges, normalisation and a renamed Keras 3 argument. */
function branching(): ProjectFile {
  const node = (id: string, type: string, params: Record<string, ParamValue> = {}): LayerNode => ({
    id,
    name: id,
    type,
    params,
    position: { x: 0, y: 0 },
  });
  const nodes = [
    node('digits', 'InputLayer', { shape: [28, 28, 1] }),
    node('wide', 'Conv2D', { filters: 8, kernel_size: [5, 5], padding: 'same' }),
    node('narrow', 'Conv2D', { filters: 4, kernel_size: [3, 3], padding: 'same', use_bias: false }),
    node('both', 'Concatenate'),
    node('norm', 'BatchNormalization'),
    node('leaky', 'LeakyReLU', { alpha: 0.2 }),
    node('gap', 'GlobalAveragePooling2D'),
    node('out', 'Dense', { units: 10, activation: 'softmax' }),
  ];
  const wire = (source: string, target: string): Edge => ({
    id: `${source}-${target}`,
    source,
    target,
  });
  const edges = [
    wire('digits', 'wide'),
    wire('digits', 'narrow'),
    wire('wide', 'both'),
    wire('narrow', 'both'),
    wire('both', 'norm'),
    wire('norm', 'leaky'),
    wire('leaky', 'gap'),
    wire('gap', 'out'),
  ];
  return newProject('Two branches', { nodes, edges }, { kind: 'mnist' });
}

/** Every layer of the wider catalogue's activations, merges, normalisation and noise, with non-default settings. */
function wider(): ProjectFile {
  const node = (id: string, type: string, params: Record<string, ParamValue> = {}): LayerNode => ({
    id,
    name: id,
    type,
    params,
    position: { x: 0, y: 0 },
  });
  const nodes = [
    node('digits', 'InputLayer', { shape: [28, 28, 1] }),
    node('scaled', 'Rescaling', { scale: 1 / 127.5, offset: -1 }),
    node('noisy', 'GaussianNoise', { stddev: 0.2 }),
    node('conv_a', 'Conv2D', { filters: 8, kernel_size: [3, 3], padding: 'same' }),
    node('conv_b', 'Conv2D', { filters: 1, kernel_size: [1, 1] }),
    node('gated', 'Multiply'),
    node('mean', 'Average'),
    node('hi', 'Maximum'),
    node('lo', 'Minimum'),
    node('spread', 'Subtract'),
    node('relu6', 'ReLU', { max_value: 6, negative_slope: 0.1, threshold: 0.5 }),
    node('slopes', 'PReLU', { shared_axes: [1, 2] }),
    node('norm', 'LayerNormalization', { epsilon: 0.01 }),
    node('shaken', 'GaussianDropout', { rate: 0.3 }),
    node('gap', 'GlobalAveragePooling2D'),
    node('smooth', 'ELU', { alpha: 0.5 }),
    node('scores', 'Dense', { units: 10 }),
    node('probs', 'Softmax'),
  ];
  const wire = (source: string, target: string): Edge => ({
    id: `${source}-${target}`,
    source,
    target,
  });
  const chain = (...ids: string[]) => ids.slice(1).map((id, i) => wire(ids[i] ?? '', id));
  const edges = [
    ...chain(
      'digits',
      'scaled',
      'noisy',
      'conv_a',
      'gated',
      'mean',
      'hi',
      'spread',
      'relu6',
      'slopes',
      'norm',
      'shaken',
      'gap',
      'smooth',
      'scores',
      'probs',
    ),
    ...[
      wire('noisy', 'conv_b'),
      wire('conv_b', 'gated'),
      wire('conv_a', 'mean'),
      wire('conv_b', 'hi'),
      wire('mean', 'lo'),
      wire('conv_b', 'lo'),
      wire('lo', 'spread'),
    ],
  ];
  return newProject('Wider catalogue', { nodes, edges }, { kind: 'mnist' });
}

const AUGMENTATION = { shift: 0.1, rotation: 0.05, zoom: 0.2, flip: true } as const;
const projects: { id: string; project: ProjectFile; kerasTotal: number | null }[] = [
  ...PROJECT_TEMPLATES.map((t) => ({ id: t.id, project: t.project, kerasTotal: t.kerasTotal })),
  // 8·(5·5·1 + 1) + 4·3·3·1 + 4·12 + 12·10 + 10, counted by hand: Concatenate gives 12 channels.
  { id: 'two-branches', project: branching(), kerasTotal: 208 + 36 + 48 + 130 },
  // 8·(3·3·1 + 1) + 1·(1·1·1 + 1) + PReLU 1·1·8 + LayerNormalization 2·8 + Dense 8·10 + 10; the rest have no weights.
  { id: 'wider-catalogue', project: wider(), kerasTotal: 80 + 2 + 8 + 16 + 90 },
  // Keras's sizes and counts by hand: padding 28×28 to 31×35, conv 80, depthwise (9 + 1)·16 = 160,
  // separable 9·16 + 16·8 + 8 = 280, transposed (3·3·8 + 1)·4 = 292 (to 28×32), cropped to 24×24, dense 4·10 + 10.
  {
    id: 'mobile-and-decoder-layers',
    project: newProject(
      'Mobile and decoder layers',
      stackGraph([
        ['InputLayer', { shape: [28, 28, 1] }],
        ['ZeroPadding2D', { padding: [1, 2, 3, 4] }],
        ['Conv2D', { filters: 8, kernel_size: 3 }],
        ['DepthwiseConv2D', { depth_multiplier: 2 }],
        ['SpatialDropout2D', { rate: 0.2 }],
        ['SeparableConv2D', { filters: 8, strides: 2, padding: 'same' }],
        ['Conv2DTranspose', { filters: 4, strides: 2, padding: 'same', output_padding: 1 }],
        ['Cropping2D', { cropping: [2, 2, 4, 4] }],
        ['GlobalAveragePooling2D'],
        ['Dense', { units: 10, activation: 'softmax' }],
      ]),
    ),
    kerasTotal: 80 + 160 + 280 + 292 + 50,
  },
  // Augmentation layers have no weights: the same counts, one more block in the script.
  ...[
    PROJECT_TEMPLATES.find((t) => t.id === 'cifar10-cnn'),
    { project: branching(), kerasTotal: 422 },
    // A flat input: the pixels are augmented as images, then flattened again.
    {
      project: newProject(
        'Flat pixels',
        stackGraph([
          ['InputLayer', { shape: [784] }],
          ['Dense', { units: 10, activation: 'softmax' }],
        ]),
      ),
      kerasTotal: 7850,
    },
  ].map((t) => {
    if (!t) throw new Error('template cifar10-cnn is missing');
    const project = {
      ...t.project,
      training: { ...t.project.training, augmentation: AUGMENTATION },
    };
    return {
      id: `${project.name} augmented`.replace(/\W+/g, '-'),
      project,
      kerasTotal: t.kerasTotal,
    };
  }),
];
const EXPECTED_STRATEGY: Record<DistributionStrategy, string | null> = {
  single: null,
  mirrored: 'MirroredStrategy',
  'multi-worker': 'MultiWorkerMirroredStrategy',
};

let dir = '';
const found = new Map<string, Found>();
const pathOf = (id: string, strategy: DistributionStrategy) => join(dir, `${id}.${strategy}.py`);

beforeAll(async () => {
  if (!hasPython) return;
  dir = await mkdtemp(join(tmpdir(), 'netcanvas-python-'));
  const files: string[] = [];
  for (const { id, project } of projects)
    for (const strategy of DISTRIBUTION_STRATEGY_IDS) {
      const path = pathOf(id, strategy);
      await writeFile(
        path,
        pythonScript({
          graph: project.graph,
          settings: project.training,
          name: project.name,
          dataset: project.dataset,
          strategy,
        }),
      );
      files.push(path);
    }
  // One process each for all the files: the machine is shared.
  await run('python3', ['-m', 'py_compile', ...files]);
  const { stdout } = await run('python3', ['-c', EXTRACT, ...files], {
    maxBuffer: 16 * 1024 * 1024,
  });
  for (const [path, f] of Object.entries(JSON.parse(stdout) as Record<string, Found>))
    found.set(path, f);
});
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe.skipIf(!hasPython)('exported Python scripts', () => {
  const cases = projects.flatMap((p) =>
    DISTRIBUTION_STRATEGY_IDS.map((s) => [p.id, s, p] as const),
  );
  it.each(cases)(
    '%s (%s) compiles, and its layer calls add up to the project parameter count',
    (id, strategy, { project, kerasTotal }) => {
      const f = found.get(pathOf(id, strategy));
      if (!f)
        throw new Error(`python3 -m py_compile passed but the script for ${id} was not parsed`);
      const ours = inferGraph(project.graph).totals.total;
      const theirs = inferGraph(graphOf(f.layers));
      expect(theirs.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(theirs.totals.total).toBe(ours);
      expect(theirs.totals.total).toBe(kerasTotal);
      expect(f.layers.map((l) => l.kwargs.name)).toEqual(
        expect.arrayContaining(project.graph.nodes.map((n) => n.name)),
      );
      expect(f.strategy).toBe(EXPECTED_STRATEGY[strategy]);
      // Under a strategy the model and its optimizer must be created in its scope.
      expect([f.modelInScope, f.compileInScope]).toEqual(
        strategy === 'single' ? [false, false] : [true, true],
      );
      // Augmentation: Keras's preprocessing layers with the settings' factors, applied to the input once.
      if (project.training.augmentation) {
        const flat = project.graph.nodes.some(
          (n) => n.type === 'InputLayer' && JSON.stringify(n.params.shape) === '[784]',
        );
        expect(f.augmentation.filter((l) => l.cls === 'Reshape').map((l) => l.args[0])).toEqual(
          flat ? [[28, 28, 1], 'INPUT_SHAPE'] : [],
        );
        expect(
          f.augmentation.filter((l) => l.cls !== 'Reshape').map((l) => [l.cls, ...l.args]),
        ).toEqual([
          ['RandomTranslation', 0.1, 0.1],
          ['RandomRotation', 0.05],
          ['RandomZoom', 0.2],
          ['RandomFlip', 'horizontal'],
        ]);
        expect(f.applied).toEqual(['augmentation']);
      } else expect([f.augmentation, f.applied]).toEqual([[], []]);
    },
  );
});

describe('an autoencoder exported to Python', () => {
  const t = PROJECT_TEMPLATES.find((p) => p.id === 'autoencoder');
  it('trains on its own input with mean squared error and reports no accuracy', () => {
    if (!t) throw new Error('template autoencoder is missing');
    const script = pythonScript({
      graph: t.project.graph,
      settings: t.project.training,
      name: t.project.name,
      dataset: t.project.dataset,
    });
    expect(script).toContain('model.fit(x_train, x_train, batch_size=128');
    expect(script).toContain('loss="mse"');
    expect(script).toContain('model.evaluate(x_test, x_test, verbose=0)');
    expect(script).toContain('layers.UpSampling2D(');
    expect(script).not.toContain('accuracy');
    expect(script).not.toContain('to_categorical');
  });
});
