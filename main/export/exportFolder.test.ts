import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../services/createBackend';
import { createExportService } from '../services/exportService';
import { workspaceGuard } from '../services/pathGuard';
import { ProjectService } from '../services/projectService';
import { PROJECT_TEMPLATES } from '../../shared/templates/projectTemplates';
import { exportFolderName, exportSlug } from './exportFolder';

describe('export folder names', () => {
  it('are the project name made safe, then the local date and time to the minute', () => {
    expect(exportFolderName('CNN 32-64', new Date(2026, 10, 26, 14, 32, 59))).toBe(
      'cnn-32-64-2026-11-26-1432',
    );
    expect(exportFolderName("My café's net / v2", new Date(2026, 0, 5, 9, 7))).toBe(
      'my-cafe-s-net-v2-2026-01-05-0907',
    );
  });

  it('never come out empty or with unsafe characters', () => {
    expect(exportSlug('***')).toBe('model');
    expect(exportSlug('../../etc/passwd')).toBe('etc-passwd');
  });
});

describe('exporting from the web shell', () => {
  let home = '';
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('writes into exports/<project>-<time>/, a second export beside it, and offers one .zip of the files', async () => {
    home = mkdtempSync(join(tmpdir(), 'nc-export-'));
    const api = createBackend({
      shell: 'web',
      version: 't',
      projects: new ProjectService(workspaceGuard(realpathSync(home))),
      exports: createExportService(),
    });
    const template = PROJECT_TEMPLATES.find((t) => t.id === 'cnn-valid');
    if (!template) throw new Error('no template');
    const { graph, training } = template.project;
    const source = { graph, settings: training, name: 'CNN 32-64' };
    const first = await api.exportModel({ source, format: 'python', path: null });
    expect(relative(home, first.folder ?? '')).toMatch(
      /^exports\/cnn-32-64-\d{4}-\d{2}-\d{2}-\d{4}$/,
    );
    expect(first.files).toEqual([join(first.folder ?? '', 'cnn-32-64.py')]);
    const unzipped = unzipSync(Buffer.from(first.archive?.base64 ?? '', 'base64'));
    const folderName = relative(join(home, 'exports'), first.folder ?? '');
    expect(first.archive?.name).toBe(`${folderName}.zip`);
    expect(Object.keys(unzipped)).toEqual([`${folderName}/cnn-32-64.py`]);
    expect(strFromU8(unzipped[`${folderName}/cnn-32-64.py`] ?? new Uint8Array())).toContain(
      'Conv2D(',
    );

    // The same minute again: a folder of its own, nothing overwritten.
    const second = await api.exportModel({ source, format: 'keras-json', path: null });
    expect(second.folder).not.toBe(first.folder);
    expect(existsSync(first.files[0] ?? '')).toBe(true);
    expect(existsSync(second.files[0] ?? '')).toBe(true);
  });
});
