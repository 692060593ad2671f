// Projects on disk: the workspace folder (NETCANVAS_HOME, else ~/NetCanvas) holds the web shell's
// projects and the autosave copy; desktop dialogs may pick any path. Every path goes through the
// shell's PathGuard first. Every write is atomic (temporary file, fsync, rename), so a full disk or
// a crash never leaves half a project.
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { OpenedProject, ProjectEntry } from '../../shared/api/backendApi';
import { CHALLENGE_SUFFIX } from '../../shared/challenges/challengeFile';
import { challengeProject } from '../../shared/challenges/challengeProject';
import { ChallengeFileError, parseChallengeFile } from '../../shared/challenges/parseChallenge';
import {
  parseProjectFile,
  ProjectFileError,
  serializeProject,
} from '../../shared/project/parseProject';
import type { ProjectFile } from '../../shared/project/projectFile';
import { ExportWriteError, writeFileAtomic } from '../export/atomicWrite';
import { errorMessage } from '../../shared/errors/errorMessage';
import { ApiError } from './apiError';
import type { PathGuard } from './pathGuard';
import { shortPath } from './pathGuard';

export const PROJECT_SUFFIX = '.netcanvas.json';
const AUTOSAVE_FILE = '.autosave.netcanvas.json';

/** Far above any project (the largest template is 20 KB); a bigger file is not one. */
export const MAX_PROJECT_BYTES = 32 * 1024 * 1024;

/** The workspace folder: NETCANVAS_HOME when set (tests, portable installs), else ~/NetCanvas. */
export function workspaceDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.NETCANVAS_HOME ?? join(homedir(), 'NetCanvas'));
}

/** "My CNN" → "My CNN.netcanvas.json"; keeps names readable but safe on every file system. */
export function projectFileName(name: string): string {
  const safe =
    name
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
      .replace(/^\.+/, '')
      .trim()
      .slice(0, 120) || 'Untitled';
  return safe.endsWith(PROJECT_SUFFIX) ? safe : `${safe}${PROJECT_SUFFIX}`;
}

export class ProjectService {
  /** @param guard - where this shell may read and write (see pathGuard.ts) */
  constructor(private readonly guard: PathGuard) {}

  get workspace(): string {
    return this.guard.workspace;
  }

  /**
   * The real absolute path for `path` (relative paths resolve against the workspace).
   * @throws ApiError 'forbidden' where the shell's guard refuses it
   */
  resolvePath(path: string): Promise<string> {
    return this.guard.check(path);
  }

  async list(): Promise<ProjectEntry[]> {
    await mkdir(this.workspace, { recursive: true });
    // A teacher's challenge files too: opening one starts a new project for it.
    const names = (await readdir(this.workspace)).filter(
      (n) => (n.endsWith(PROJECT_SUFFIX) && n !== AUTOSAVE_FILE) || n.endsWith(CHALLENGE_SUFFIX),
    );
    const entries = await Promise.all(
      names.map(async (n) => {
        const path = join(this.workspace, n);
        const s = await stat(path).catch(() => null);
        const name = n.endsWith(CHALLENGE_SUFFIX)
          ? `${n.slice(0, -CHALLENGE_SUFFIX.length)} (challenge)`
          : n.slice(0, -PROJECT_SUFFIX.length);
        return s?.isFile() ? { path, name, modifiedMs: s.mtimeMs } : null;
      }),
    );
    return entries
      .filter((e): e is ProjectEntry => e !== null)
      .sort((a, b) => b.modifiedMs - a.modifiedMs);
  }

  async open(path: string): Promise<OpenedProject> {
    const full = await this.resolvePath(path);
    let text: string;
    try {
      const info = await stat(full);
      if (info.isDirectory())
        throw new ApiError('badRequest', `${shortPath(full)} is a folder, not a project file.`);
      if (info.size > MAX_PROJECT_BYTES)
        throw new ApiError(
          'invalidProject',
          `${shortPath(full)} is ${Math.round(info.size / 1024 / 1024)} MB, far larger than any project file.`,
        );
      text = await readFile(full, 'utf8');
    } catch (e) {
      if (e instanceof ApiError) throw e;
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT')
        throw new ApiError('notFound', `There is no project file at ${shortPath(full)}.`);
      throw new ApiError('invalidProject', `Cannot read ${shortPath(full)}: ${errorMessage(e)}`);
    }
    try {
      // A challenge file opens as a new project for that challenge (the renderer never saves over it).
      if (full.endsWith(CHALLENGE_SUFFIX))
        return { path: full, project: challengeProject(parseChallengeFile(text)) };
      return { path: full, project: parseProjectFile(text) };
    } catch (e) {
      if (e instanceof ProjectFileError || e instanceof ChallengeFileError)
        throw new ApiError('invalidProject', `${basename(full)}: ${e.message}`);
      throw e;
    }
  }

  /** Saves to `path`, or to "<name>.netcanvas.json" in the workspace when `path` is null. */
  async save(project: ProjectFile, path: string | null): Promise<OpenedProject> {
    const full = await this.resolvePath(path ?? projectFileName(project.name));
    await this.write(full, serializeProject(project));
    return { path: full, project };
  }

  async autosave(project: ProjectFile): Promise<void> {
    await this.write(join(this.workspace, AUTOSAVE_FILE), serializeProject(project));
  }

  /**
   * The autosave copy, or null when there is none. A copy that cannot be read is never overwritten
   * by the next autosave: it is renamed aside (`.autosave-damaged-<time>.netcanvas.json`) and the
   * learner is told where it went.
   * @throws ApiError 'invalidProject' naming the kept file, when the copy is damaged
   */
  async recover(): Promise<ProjectFile | null> {
    const file = join(this.workspace, AUTOSAVE_FILE);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new ApiError(
        'invalidProject',
        `Last session's autosaved network could not be read: ${errorMessage(e)}`,
      );
    }
    try {
      return parseProjectFile(text);
    } catch (e) {
      const kept = await this.keepAside(file);
      throw new ApiError(
        'invalidProject',
        `Last session's autosaved network is damaged (${errorMessage(e)}). It was kept as ${basename(kept)} in ${shortPath(this.workspace)}.`,
      );
    }
  }

  /** Renames a damaged autosave to a name no other file has, and returns that path. */
  private async keepAside(file: string): Promise<string> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (let n = 1; ; n++) {
      const target = join(
        this.workspace,
        `.autosave-damaged-${stamp}${n > 1 ? `-${n}` : ''}${PROJECT_SUFFIX}`,
      );
      const taken = await stat(target).then(
        () => true,
        () => false,
      );
      if (taken) continue;
      await rename(file, target);
      return target;
    }
  }

  async discardAutosave(): Promise<void> {
    await rm(join(this.workspace, AUTOSAVE_FILE), { force: true });
  }

  private async write(full: string, text: string): Promise<void> {
    try {
      await mkdir(dirname(full), { recursive: true });
      await writeFileAtomic(full, text);
    } catch (e) {
      if (e instanceof ExportWriteError) throw new ApiError('writeFailed', e.message);
      throw new ApiError('writeFailed', `Could not save ${shortPath(full)}: ${errorMessage(e)}`);
    }
  }
}
