import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_TEMPLATES } from '../../shared/templates/projectTemplates';
import { workspaceGuard } from './pathGuard';
import { ProjectService } from './projectService';

let home = '';
let projects: ProjectService;
beforeEach(() => {
  home = realpathSync(mkdtempSync(join(tmpdir(), 'nc-autosave-')));
  projects = new ProjectService(workspaceGuard(home));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('autosave recovery after a crash', () => {
  it('offers the autosaved network, and nothing when there is none', async () => {
    expect(await projects.recover()).toBeNull();
    const template = PROJECT_TEMPLATES[0];
    if (!template) throw new Error('no template');
    await projects.autosave(template.project);
    expect((await projects.recover())?.name).toBe(template.project.name);
  });

  it('keeps a damaged autosave aside under its own name, says where, and never overwrites it', async () => {
    writeFileSync(
      join(home, '.autosave.netcanvas.json'),
      '{"format": "netcanvas-project", "graph": [tru',
    );
    const error = await projects.recover().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'invalidProject' });
    const kept = readdirSync(home).filter((f) => f.startsWith('.autosave-damaged-'));
    expect(kept).toHaveLength(1);
    expect((error as Error).message).toContain(kept[0]);
    expect(readFileSync(join(home, kept[0] ?? ''), 'utf8')).toContain('"graph": [tru');
    // The next start finds no autosave, and a second damaged copy gets a name of its own.
    expect(await projects.recover()).toBeNull();
    writeFileSync(join(home, '.autosave.netcanvas.json'), 'not json');
    await projects.recover().catch(() => undefined);
    expect(readdirSync(home).filter((f) => f.startsWith('.autosave-damaged-'))).toHaveLength(2);
  });
});
