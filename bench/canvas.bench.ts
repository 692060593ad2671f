// Canvas smoothness with 300 blocks: frame times in Chromium while the learner pans the canvas
// and while they edit a setting (every keystroke re-infers shapes and re-renders the blocks).
// Run after building: node scripts/build.mjs && node --import tsx bench/canvas.bench.ts
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Edge, LayerNode, ParamValue } from '../shared/graph/types';
import { newProject } from '../shared/project/newProject';
import { PROJECT_TEMPLATES } from '../shared/templates/projectTemplates';

const LAYERS = 300;

/** A 300-layer MLP-style chain laid out in a grid, so a zoomed-out view holds many blocks. */
function bigProject() {
  const nodes: LayerNode[] = [
    {
      id: 'n0',
      type: 'InputLayer',
      name: 'input_layer',
      params: { shape: [64] },
      position: { x: 0, y: 0 },
    },
  ];
  const edges: Edge[] = [];
  for (let i = 1; i < LAYERS; i++) {
    const type = i % 3 === 2 ? 'Dropout' : 'Dense';
    const params: Record<string, ParamValue> =
      type === 'Dense' ? { units: 64, activation: 'relu' } : { rate: 0.1 };
    nodes.push({
      id: `n${i}`,
      type,
      name: `${type.toLowerCase()}_${i}`,
      params,
      position: { x: (i % 15) * 260, y: Math.floor(i / 15) * 160 },
    });
    edges.push({ id: `e${i}`, source: `n${i - 1}`, target: `n${i}` });
  }
  return newProject(`${LAYERS} layers`, { nodes, edges });
}

async function startWebShell(home: string): Promise<{ url: string; stop: () => void }> {
  const server = spawn(process.execPath, ['bin/netcanvas-web.mjs', '--port', '0', '--no-open'], {
    env: { ...process.env, NETCANVAS_HOME: home },
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /NetCanvas is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(log);
      if (m?.[1]) resolve(m[1]);
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`web shell exited with ${code}:\n${log}`)));
  });
  return { url, stop: () => server.kill('SIGTERM') };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function report(label: string, frames: number[]) {
  const sorted = [...frames].sort((a, b) => a - b);
  // Frames over 50 ms are the ones a learner sees as a stutter; their sum is time the page froze.
  const long = frames.filter((f) => f > 50);
  const frozen = long.reduce((a, b) => a + b, 0);
  console.log(
    `${label.padEnd(28)} frames ${String(frames.length).padStart(4)}  p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms  max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms  >50 ms: ${long.length} (${frozen.toFixed(0)} ms)`,
  );
}

// CANVAS_PROFILE=1: also print where the typing's CPU time went (self time by function). Build
// without minifying for readable names: npx vite build --minify false
const PROFILE = Boolean(process.env.CANVAS_PROFILE);
// CANVAS_LOAF=1 (or CANVAS_PROFILE): the long animation frames of the typing, each split into
// script (by what started it) and style and layout, without the profiler's own overhead.
const LOAF = PROFILE || Boolean(process.env.CANVAS_LOAF);

const INCLUSIVE = [
  'GraphCanvas',
  'LayerBlock',
  'NodeWrapper',
  'EdgeWrapper',
  'MiniMapNodes',
  'SummaryPanel',
  'Inspector',
  'inferGraph',
  'explainGraph',
  'commitRoot',
  'performWorkOnRoot',
  'adoptUserNodes',
  'updateNodeInternals',
];
type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
async function startProfile(page: Page): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await cdp.send('Performance.enable');
  const metrics = async () =>
    new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  return async () => {
    const after = await metrics();
    const spent = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'].map(
      (k) =>
        `${k.replace('Duration', '')} ${(((after.get(k) ?? 0) - (before.get(k) ?? 0)) * 1000).toFixed(0)} ms`,
    );
    console.log(`main thread during the typing: ${spent.join(', ')}`);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const f = byNode.get(id)?.callFrame;
      const key = f
        ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`
        : '?';
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    // Inclusive time of the functions whose names say which part of the page it went to.
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const inclusive = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const name = byNode.get(at)?.callFrame.functionName ?? '';
        if (INCLUSIVE.includes(name) && !seen.has(name)) {
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
        }
      }
    });
    console.log(
      `inclusive: ${INCLUSIVE.map((n) => `${n} ${(inclusive.get(n) ?? 0).toFixed(0)} ms`).join(', ')}`,
    );
    // CANVAS_PROFILE_UNDER=fn: inclusive time of every function in the samples under fn (e.g.
    // dispatchDiscreteEvent: what a keystroke's own synchronous work is made of).
    const under = process.env.CANVAS_PROFILE_UNDER;
    if (under) {
      const within = new Map<string, number>();
      profile.samples.forEach((id, i) => {
        const chain: string[] = [];
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
          chain.push(byNode.get(at)?.callFrame.functionName || '(anonymous)');
        if (!chain.includes(under)) return;
        for (const name of new Set(chain.slice(0, chain.indexOf(under) + 1)))
          within.set(name, (within.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      });
      console.log(`inclusive time under ${under}:`);
      for (const [k, ms] of [...within].sort((a, b) => b[1] - a[1]).slice(0, 40))
        console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
    }
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(`CPU profile of the typing: ${total.toFixed(0)} ms sampled; top self time:`);
    for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
  };
}

type FrameProbe = () => Promise<unknown>;

/**
 * Counts React renders by what they draw, through the hook React DevTools uses: after each commit
 * it walks the fibers that changed and counts function components that ran (React's PerformedWork
 * flag), named by their first DOM element (a block's `.nc-block` div, a summary row's `tr`), so it
 * works on the minified build. Load-independent: the same edit renders the same components.
 */
const RENDER_COUNTER = `(() => {
  const counts = (window.renders_ = { commits: 0, blocks: 0, rows: 0, edges: 0, components: 0 });
  const byName = (window.rendersByName_ = new Map());
  const host = (f) => { for (let c = f.child; c; c = c.child) if (c.tag === 5) return c; return null; };
  const walk = (next, prev) => {
    if ((next.tag === 0 || next.tag === 11 || next.tag === 15) && (!prev || (next.flags & 1) !== 0)) {
      counts.components++;
      const t = next.type;
      const name = (t && (t.displayName || t.name || (t.render && (t.render.displayName || t.render.name)))) || '?';
      byName.set(name, (byName.get(name) || 0) + 1);
      const h = host(next);
      const cls = h && typeof h.memoizedProps.className === 'string' ? h.memoizedProps.className : '';
      if (/^nc-block( |$)/.test(cls)) counts.blocks++;
      else if (h && (h.type === 'tr' || /^nc-summary-row( |$)/.test(cls))) counts.rows++;
      else if (h && h.type === 'path' && /react-flow__edge-path/.test(String(h.memoizedProps.className))) counts.edges++;
    }
    if (prev && next.child === prev.child) return;
    for (let c = next.child; c; c = c.sibling) walk(c, c.alternate);
  };
  // Long animation frames (over 50 ms), for the split of a slow frame into script, style and layout.
  window.loafs_ = [];
  new PerformanceObserver((list) => { window.loafs_.push(...list.getEntries()); }).observe({ type: 'long-animation-frame' });
  let id = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => ++id,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id, root) => {
      counts.commits++;
      walk(root.current, root.current.alternate);
    },
  };
})()`;

// The worst case: every keystroke in the first Dense's units changes the blocks below it (an
// empty or partial value turns them all to '?', each digit changes their shapes).
async function measureTyping(
  page: Page,
  label: string,
  startFrames: FrameProbe,
  stopFrames: () => Promise<number[]>,
) {
  await page.locator('.react-flow__node').filter({ hasText: 'Dense' }).first().click();
  // A handle, not a locator: resolving getByRole walks the whole page (300 summary rows) on the
  // main thread before each fill, which the frame times would count as the app's.
  const units = await page
    .getByRole('complementary', { name: 'Inspector' })
    .getByRole('textbox', { name: 'units', exact: true })
    .elementHandle();
  if (!units) throw new Error('no units field');
  const profiler = PROFILE ? await startProfile(page) : undefined;
  const values = ['128', '32', '256', '64'];
  // One edit per cleared field and per digit.
  const edits = values.reduce((n, v) => n + 1 + v.length, 0);
  await page.evaluate(
    'Object.keys(window.renders_).forEach((k) => (window.renders_[k] = 0)), window.rendersByName_.clear(), (window.loafs_ = [])',
  );
  // Keys only, as a learner types: select all and delete, then the digits. (Playwright's fill()
  // and type() on an element check it first through the DevTools protocol, forcing style and
  // layout of the whole page before each edit: about 190 ms of the typing's main-thread time
  // in a trace, none of it the app's.)
  await units.focus();
  await startFrames();
  for (const v of values) {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(v, { delay: 30 });
  }
  const frames = await stopFrames();
  report(label, frames);
  const r = await page.evaluate<Record<string, number>>('window.renders_');
  const per = (n: number | undefined) => ((n ?? 0) / edits).toFixed(1);
  console.log(
    `${''.padEnd(28)} renders per edit (${edits} edits): blocks ${per(r.blocks)}, summary rows ${per(r.rows)}, wires ${per(r.edges)}, all components ${per(r.components)}, commits ${per(r.commits)}`,
  );
  if (PROFILE) {
    const names = await page.evaluate<[string, number][]>(
      '[...window.rendersByName_].sort((a, b) => b[1] - a[1]).slice(0, 15)',
    );
    console.log(
      `renders per edit by component: ${names.map(([n, c]) => `${n} ${(c / edits).toFixed(1)}`).join(', ')}`,
    );
  }
  if (profiler) await profiler();
  if (LOAF) {
    // Each long frame: script (event handlers, React), then the rendering update's style and
    // layout, the rest (before the rendering update: waiting, tasks not attributed to scripts).
    const loafs = await page.evaluate<[number, number, number, number][]>(
      `window.loafs_.map((l) => [l.duration, l.scripts.reduce((a, s) => a + s.duration, 0), l.renderStart ? l.styleAndLayoutStart - l.renderStart : 0, l.styleAndLayoutStart ? l.startTime + l.duration - l.styleAndLayoutStart : 0])`,
    );
    const sum = (k: number) => loafs.reduce((a, l) => a + (l[k] ?? 0), 0).toFixed(0);
    console.log(
      `long animation frames: ${loafs.length}, ${sum(0)} ms in all: script ${sum(1)} ms, rAF and other render steps ${sum(2)} ms, style and layout ${sum(3)} ms`,
    );
    const detail = await page.evaluate<string[]>(
      `window.loafs_.map((l) => Math.round(l.duration) + ' ms [style+layout ' + Math.round(l.styleAndLayoutStart ? l.startTime + l.duration - l.styleAndLayoutStart : 0) + ']: ' + l.scripts.map((s) => s.invoker + ' ' + Math.round(s.duration) + (s.forcedStyleAndLayoutDuration >= 1 ? ' (forced layout ' + Math.round(s.forcedStyleAndLayoutDuration) + ')' : '')).join(', '))`,
    );
    for (const d of detail) console.log(`  ${d}`);
  }
  if (PROFILE)
    console.log(
      `frames over 50 ms, in order: ${frames
        .filter((f) => f > 50)
        .map((f) => f.toFixed(0))
        .join(' ')}`,
    );
}

async function measurePan(
  page: Page,
  label: string,
  startFrames: FrameProbe,
  stopFrames: () => Promise<number[]>,
) {
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  if (!box) throw new Error('no canvas pane');
  await startFrames();
  for (let sweep = 0; sweep < 4; sweep++) {
    // Alternate directions so the view stays over the network.
    const [from, to] = sweep % 2 === 0 ? [0.8, 0.2] : [0.2, 0.8];
    await page.mouse.move(box.x + box.width * from, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(
      box.x + box.width * to,
      box.y + box.height * (sweep % 2 === 0 ? 0.3 : 0.5),
      { steps: 40 },
    );
    await page.mouse.up();
  }
  report(label, await stopFrames());
}

/**
 * Each template from the start screen: milliseconds from the click on its card to the first frame
 * that shows its blocks (a visible React Flow node), three times each.
 */
async function measureFirstPaint(page: Page, url: string) {
  const all: number[] = [];
  // The lesson's two networks open from the lesson card, not from a card of their own.
  for (const t of PROJECT_TEMPLATES.filter((x) => !x.id.startsWith('lesson-'))) {
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      await page.goto(url);
      const card = page.getByRole('button', { name: t.project.name }).first();
      await card.waitFor();
      await page.evaluate(`(() => {
        window.paint_ = new Promise((resolve) => {
          let t0 = 0;
          document.addEventListener('click', () => { t0 = performance.now(); }, { capture: true, once: true });
          const shown = () => [...document.querySelectorAll('.react-flow__node')].some((n) => getComputedStyle(n).visibility !== 'hidden');
          const obs = new MutationObserver(() => {
            if (t0 === 0 || !shown()) return;
            obs.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          });
          obs.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] });
        });
      })()`);
      await card.click();
      times.push(await page.evaluate<number>('window.paint_'));
    }
    all.push(...times);
    console.log(
      `first paint ${t.id.padEnd(14)} ${times.map((m) => `${m.toFixed(0)} ms`).join(', ')}`,
    );
  }
  const sorted = [...all].sort((a, b) => a - b);
  console.log(
    `first paint, all templates: p50 ${percentile(sorted, 50).toFixed(0)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms`,
  );
}

const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

async function main() {
  console.log(`start: ${load()}`);
  const home = mkdtempSync(join(tmpdir(), 'netcanvas-bench-'));
  const file = join(home, 'big.json');
  writeFileSync(file, JSON.stringify(bigProject()));
  const shell = await startWebShell(home);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // CANVAS_CHROMIUM_ARGS: extra switches, e.g. --disable-gpu to raster with Skia on the CPU
    // instead of through SwiftShader's emulated GL on a machine without a GPU.
    args: ['--no-sandbox', ...(process.env.CANVAS_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean)],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(RENDER_COUNTER);
    await page.goto(shell.url);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByLabel(/Open a file/).setInputFiles(file);
    await page.getByRole('region', { name: 'Model summary' }).getByText(`Total params:`).waitFor();
    const blocks = await page.locator('.react-flow__node').count();
    console.log(`${LAYERS}-layer graph open; ${blocks} blocks rendered in the viewport`);

    // Frame times: gaps between requestAnimationFrame callbacks while an action runs.
    // A string, not a function: tsx's name-keeping helper does not exist inside the page.
    const startFrames = () =>
      page.evaluate(`(() => {
        window.frames_ = [];
        window.stop_ = false;
        let last = performance.now();
        const tick = (t) => {
          window.frames_.push(t - last);
          last = t;
          if (!window.stop_) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      })()`);
    const stopFrames = () =>
      page.evaluate<number[]>('(window.stop_ = true, window.frames_.slice(1))');

    // Twice: at the view the project opens with (readable, from its input: a few blocks drawn),
    // then with all 300 blocks in view after Fit view (every block drawn, text too small to read).
    // CANVAS_PHASES=default,fit,paint (the default): which parts to run.
    const phases = (process.env.CANVAS_PHASES ?? 'default,fit,paint').split(',');
    for (const view of ['default view', 'fit view'].filter((v) =>
      phases.includes(v.split(' ')[0] ?? ''),
    )) {
      if (view === 'fit view') {
        await page.getByRole('button', { name: /fit view/i }).click();
        await page.waitForTimeout(500);
      }
      const drawn = await page.locator('.react-flow__node').count();
      console.log(`${view}: ${drawn} blocks drawn`);
      await measureTyping(page, `edit first Dense, ${view}`, startFrames, stopFrames);
      await measurePan(page, `pan, ${view}`, startFrames, stopFrames);
    }
    if (phases.includes('paint')) await measureFirstPaint(page, shell.url);
    console.log(`end: ${load()}`);
  } finally {
    await browser.close();
    shell.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
