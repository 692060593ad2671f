// The web shell's backend against hostile paths and files: symbolic links out of the workspace,
// relative paths, data-set folders, and error messages that would echo a file or run for a megabyte.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiReply } from '../../shared/api/apiSchemas';
import { newProject } from '../../shared/project/newProject';
import { serializeProject } from '../../shared/project/parseProject';
import { stackGraph } from '../../shared/templates/stackGraph';
import { createBackend } from './createBackend';
import { createDispatch } from './dispatchApi';
import { createExportService } from './exportService';
import { workspaceGuard } from './pathGuard';
import { ProjectService } from './projectService';

const graph = stackGraph([
  ['InputLayer', { shape: [28, 28, 1] }],
  ['Flatten'],
  ['Dense', { units: 10, activation: 'softmax' }],
]);
const project = newProject('Linked', graph);

let home = '';
let outside = '';
let call: (method: string, args: unknown[]) => Promise<ApiReply<unknown>>;

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'nc-boundary-'));
  home = join(root, 'home');
  outside = join(root, 'outside');
  mkdirSync(home);
  mkdirSync(outside);
  writeFileSync(
    join(outside, 'secret.netcanvas.json'),
    serializeProject(newProject('Secret', graph)),
  );
  writeFileSync(join(outside, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
  mkdirSync(join(outside, 'cats'));
  symlinkSync(outside, join(home, 'linkdir'));
  const api = createBackend({
    shell: 'web',
    version: 'test',
    projects: new ProjectService(workspaceGuard(home)),
    datasetGuard: workspaceGuard(home),
    exports: createExportService(),
  });
  const dispatch = createDispatch(api);
  call = (method, args) => dispatch(method, args);
});

describe('the workspace boundary (web shell)', () => {
  it('refuses to save, export or open through a link to a folder outside, with 403 and a plain sentence', async () => {
    const save = await call('saveProject', [project, 'linkdir/x.netcanvas.json']);
    expect(save).toMatchObject({ ok: false, code: 'forbidden' });
    if (!save.ok)
      expect(save.error).toMatch(
        /only reads and writes inside its workspace.*linkdir\/x\.netcanvas\.json.*outside it/,
      );
    const exported = await call('exportModel', [
      {
        source: { graph, settings: project.training, name: 'm' },
        format: 'python',
        path: 'linkdir/through.py',
      },
    ]);
    expect(exported).toMatchObject({ ok: false, code: 'forbidden' });
    const opened = await call('openProject', [join(home, 'linkdir', 'secret.netcanvas.json')]);
    expect(opened).toMatchObject({ ok: false, code: 'forbidden' });
    expect(readdirSync(outside).sort()).toEqual(['cats', 'passwd', 'secret.netcanvas.json']);
  });

  it('refuses a link to a single file outside, and a link that points nowhere', async () => {
    symlinkSync(join(outside, 'secret.netcanvas.json'), join(home, 'alias.netcanvas.json'));
    expect(await call('openProject', ['alias.netcanvas.json'])).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    symlinkSync(join(outside, 'made-by-link.py'), join(home, 'dangling.py'));
    const through = await call('exportModel', [
      {
        source: { graph, settings: project.training, name: 'm' },
        format: 'python',
        path: 'dangling.py',
      },
    ]);
    expect(through).toMatchObject({ ok: false, code: 'forbidden' });
    expect(existsSync(join(outside, 'made-by-link.py'))).toBe(false);
  });

  it('resolves relative paths against the workspace and lets links inside it be used', async () => {
    mkdirSync(join(home, 'real'));
    symlinkSync(join(home, 'real'), join(home, 'inner'));
    const saved = await call('saveProject', [project, 'inner/kept.netcanvas.json']);
    expect(saved).toMatchObject({ ok: true });
    expect(existsSync(join(home, 'real', 'kept.netcanvas.json'))).toBe(true);
    const exported = await call('exportModel', [
      {
        source: { graph, settings: project.training, name: 'm' },
        format: 'python',
        path: 'new/folder/m.py',
      },
    ]);
    expect(exported).toMatchObject({ ok: true });
    expect(existsSync(join(home, 'new', 'folder', 'm.py'))).toBe(true);
  });

  it('confines data-set folders: no preview of a folder outside the workspace, through a link or not', async () => {
    const ref = (path: string) => ({ kind: 'folder', path, imageSize: [8, 8], color: 'rgb' });
    expect(await call('datasetPreview', [ref(join(outside, 'cats')), 1])).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await call('datasetPreview', [ref('linkdir/cats'), 1])).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await call('describeDataset', [ref('../outside/cats')])).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });
});

describe('user errors get their own code and a short message', () => {
  it('a project whose version nests 100,000 deep is a 4xx, not a stack overflow', async () => {
    let version: unknown = 1;
    for (let i = 0; i < 100_000; i++) version = [version];
    const reply = await call('saveProject', [{ ...project, version }, 'deep.netcanvas.json']);
    expect(reply).toMatchObject({ ok: false, code: 'badRequest' });
    if (!reply.ok) expect(reply.error).toMatch(/version: expected a whole number ≥ 1, got a list/);
  });

  it('caps a message made from a megabyte-long value, keeping where the problem is', async () => {
    const reply = await call('saveProject', [
      { ...project, version: 'v'.repeat(1_000_000) },
      'long.netcanvas.json',
    ]);
    expect(reply).toMatchObject({ ok: false, code: 'badRequest' });
    if (!reply.ok) {
      expect(reply.error.length).toBeLessThanOrEqual(300);
      expect(reply.error).toMatch(/version/);
    }
    writeFileSync(
      join(home, 'long.netcanvas.json'),
      JSON.stringify({ ...project, version: 'v'.repeat(1_000_000) }),
    );
    const opened = await call('openProject', ['long.netcanvas.json']);
    expect(opened).toMatchObject({ ok: false, code: 'invalidProject' });
    if (!opened.ok) expect(opened.error.length).toBeLessThanOrEqual(300);
  });

  it('never echoes the text of a file that is not a project', async () => {
    writeFileSync(join(home, 'passwd.netcanvas.json'), 'root:x:0:0:root:/root:/bin/bash\n');
    const reply = await call('openProject', ['passwd.netcanvas.json']);
    expect(reply).toMatchObject({ ok: false, code: 'invalidProject' });
    if (!reply.ok) {
      expect(reply.error).toMatch(/passwd\.netcanvas\.json: not valid JSON/);
      expect(reply.error).not.toMatch(/root|bin\/bash/);
    }
  });

  it('an unknown file is 404, a folder is 400', async () => {
    expect(await call('openProject', ['nope.netcanvas.json'])).toMatchObject({
      ok: false,
      code: 'notFound',
    });
    mkdirSync(join(home, 'dir.netcanvas.json'));
    expect(await call('openProject', ['dir.netcanvas.json'])).toMatchObject({
      ok: false,
      code: 'badRequest',
    });
  });
});
