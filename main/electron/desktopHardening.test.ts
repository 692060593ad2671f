// What keeps the desktop app's page from reaching past the user's choices, testable without the
// Electron binary: the path allow-list main applies to the renderer's paths, the external-link
// allow-list, the CSP the page carries itself, and the fuses the packaged binary gets.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chosenPathGuard } from '../services/pathGuard';
import { ProjectService } from '../services/projectService';
import { newProject } from '../../shared/project/newProject';
import { serializeProject } from '../../shared/project/parseProject';
import { ChosenPaths } from './chosenPaths';
import { isAllowedExternal } from './externalLinks';
import { DESKTOP_CSP } from './windowOptions';

const root = join(import.meta.dirname, '..', '..');

describe('paths from the renderer (desktop)', () => {
  const base = mkdtempSync(join(tmpdir(), 'nc-desktop-'));
  const workspace = join(base, 'NetCanvas');
  const elsewhere = join(base, 'Documents');
  mkdirSync(elsewhere);
  const project = newProject('Mine', { nodes: [], edges: [] });
  writeFileSync(join(elsewhere, 'picked.netcanvas.json'), serializeProject(project));
  writeFileSync(join(elsewhere, 'other.netcanvas.json'), serializeProject(project));
  const chosen = new ChosenPaths([join(elsewhere, 'recent.netcanvas.json')]);
  const projects = new ProjectService(chosenPathGuard(workspace, (p) => chosen.has(p)));

  it('opens only a file the user picked in a dialog or from the recent list', async () => {
    await expect(projects.open(join(elsewhere, 'other.netcanvas.json'))).rejects.toMatchObject({
      code: 'forbidden',
    });
    chosen.add(join(elsewhere, 'picked.netcanvas.json'));
    await expect(projects.open(join(elsewhere, 'picked.netcanvas.json'))).resolves.toMatchObject({
      project: { name: 'Mine' },
    });
    await expect(
      projects.save(project, join(elsewhere, 'recent.netcanvas.json')),
    ).resolves.toMatchObject({ path: join(elsewhere, 'recent.netcanvas.json') });
  });

  it('refuses to write anywhere else, but keeps the workspace open', async () => {
    await expect(
      projects.save(project, join(elsewhere, '..', 'evil.netcanvas.json')),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(projects.save(project, '/etc/cron.d/x')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(projects.save(project, null)).resolves.toMatchObject({
      path: join(workspace, 'Mine.netcanvas.json'),
    });
  });
});

describe('external links', () => {
  it.each([
    ['https://keras.io/api/layers/convolution_layers/convolution2d/', true],
    ['https://www.tensorflow.org/js', true],
    ['http://keras.io/', false],
    ['https://evil.example/', false],
    ['https://keras.io.evil.example/', false],
    ['https://user:pw@keras.io/', false],
    ['file:///etc/passwd', false],
    ['ms-settings:', false],
    ['not a url', false],
  ])('%s opens in the browser: %s', (url, allowed) => {
    expect(isAllowedExternal(url)).toBe(allowed);
  });
});

/** The directives of a CSP as a map, each to its sources. */
const directives = (csp: string): Map<string, string[]> =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name ?? '', sources]),
  );

describe('the page carries its own CSP', () => {
  const html = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');
  const meta =
    /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';

  it('is a <meta> before any script, so it applies however the page is loaded', () => {
    expect(meta).not.toBe('');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it('allows no inline or foreign script, no plugins and no <base> change', () => {
    const csp = directives(meta);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });

  it('is no looser than the desktop header for any directive both set', () => {
    const page = directives(meta);
    for (const [name, sources] of directives(DESKTOP_CSP)) {
      const own = page.get(name);
      if (!own || name === 'connect-src') continue; // the web shell's WebSocket needs ws: on its port
      for (const s of own) expect(sources, `${name} ${s}`).toContain(s);
    }
  });
});

describe('Electron fuses at packaging', () => {
  const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?: {2}.*\n?)+)/m.exec(yml)?.[1] ?? '';
  const fuses = Object.fromEntries(
    block
      .split('\n')
      .filter(Boolean)
      .map((l) => l.trim().split(/:\s*/) as [string, string]),
  );

  it('turns off running as Node, NODE_OPTIONS and --inspect, loads the app only from a checked asar', () => {
    expect(fuses).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
    });
  });

  it('is applied by the installed @electron/fuses', () => {
    const pkg = JSON.parse(
      readFileSync(join(root, 'node_modules', '@electron', 'fuses', 'package.json'), 'utf8'),
    ) as { name: string };
    expect(pkg.name).toBe('@electron/fuses');
  });
});
