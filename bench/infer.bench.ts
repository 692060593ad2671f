// Re-inference speed: how long the canvas waits for shapes and counts after one edit.
// Run: npm run bench:infer
import { inferGraph } from '../shared/graph/inferGraph';
import type { Edge, Graph, LayerNode } from '../shared/graph/types';

/** A 300-layer ResNet-style graph: conv / batch norm / relu blocks with Add skip connections. */
function residualGraph(layers: number): Graph {
  const nodes: LayerNode[] = [
    {
      id: 'in',
      type: 'InputLayer',
      name: 'input',
      params: { shape: [32, 32, 16] },
      position: { x: 0, y: 0 },
    },
  ];
  const edges: Edge[] = [];
  let prev = 'in';
  let blockStart = 'in';
  const add = (type: string, params: LayerNode['params'], from: string[]) => {
    const id = `n${nodes.length}`;
    nodes.push({ id, type, name: id, params, position: { x: 0, y: nodes.length * 80 } });
    for (const f of from) edges.push({ id: `e${edges.length}`, source: f, target: id });
    return id;
  };
  while (nodes.length < layers - 4) {
    prev = add('Conv2D', { filters: 16, padding: 'same' }, [prev]);
    prev = add('BatchNormalization', {}, [prev]);
    prev = add('Activation', { activation: 'relu' }, [prev]);
    prev = add('Add', {}, [prev, blockStart]);
    blockStart = prev;
  }
  prev = add('GlobalAveragePooling2D', {}, [prev]);
  prev = add('Dense', { units: 64, activation: 'relu' }, [prev]);
  add('Dense', { units: 10, activation: 'softmax' }, [prev]);
  return { nodes, edges };
}

const g = residualGraph(300);
const edited = (i: number): Graph => ({
  ...g,
  nodes: g.nodes.map((n, j) =>
    j === 1 ? { ...n, params: { ...n.params, kernel_size: 1 + 2 * (i % 2) } } : n,
  ),
});
for (let i = 0; i < 200; i++) inferGraph(edited(i)); // warm up the JIT
const runs = 2000;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const graph = edited(i);
  const t0 = performance.now();
  const r = inferGraph(graph, { classes: 10 });
  times.push(performance.now() - t0);
  if (!r.ok) throw new Error(`benchmark graph has errors: ${r.issues[0]?.message}`);
}
times.sort((a, b) => a - b);
const q = (p: number) => (times[Math.floor(p * (times.length - 1))] ?? 0).toFixed(3);
console.log(
  `inferGraph layers=${g.nodes.length} edges=${g.edges.length} runs=${runs} median_ms=${q(0.5)} p95_ms=${q(0.95)} max_ms=${q(1)}`,
);
