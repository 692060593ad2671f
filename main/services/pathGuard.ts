// Where the backend may read and write. Paths come from a renderer or from any process that can
// reach the web shell, so each one is resolved to the file it really names (symbolic links
// followed, for a file not written yet through its deepest existing folder) before it is judged:
// comparing path strings lets `workspace/link/x` reach wherever `link` points.
import { lstat, mkdir, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { ApiError } from './apiError';

/** Decides whether the backend may use a path, and returns the real path to use instead. */
export interface PathGuard {
  /** The workspace (real path): relative paths resolve against it. */
  readonly workspace: string;
  /**
   * The real absolute path `path` names, symbolic links resolved.
   * @throws ApiError 'forbidden' with a plain sentence when the path may not be used
   */
  check(path: string): Promise<string>;
}

const isInside = (path: string, folder: string): boolean =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** Shortens a long path for a message, keeping its end (the part a learner recognises). */
export function shortPath(path: string, max = 120): string {
  return path.length <= max ? path : `…${path.slice(-(max - 1))}`;
}

/**
 * The real path of `full` (absolute, normalised): the real path of its deepest existing ancestor
 * with the rest appended, so a file that does not exist yet is judged by the folder it would be
 * written into. A link that points nowhere is refused: writing through it would create its target.
 */
export async function realPathOf(full: string): Promise<string> {
  const rest: string[] = [];
  let at = full;
  for (;;) {
    try {
      const real = await realpath(at);
      return rest.length === 0 ? real : join(real, ...rest.reverse());
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      const link = await lstat(at).catch(() => null);
      if (link?.isSymbolicLink())
        throw new ApiError(
          'forbidden',
          `${shortPath(at)} is a link to something that does not exist; NetCanvas does not follow it.`,
        );
      const parent = dirname(at);
      if (parent === at) return full;
      rest.push(basename(at));
      at = parent;
    }
  }
}

const absolute = (workspace: string, path: string): string =>
  isAbsolute(path) ? resolve(path) : resolve(workspace, path);

/** The workspace's real path, creating the folder the first time. */
async function realWorkspace(workspace: string): Promise<string> {
  await mkdir(workspace, { recursive: true });
  return realpath(workspace);
}

/**
 * The web shell's guard: every path must really be inside the workspace (or be one of `alsoAllowed`,
 * real folders the backend itself offers, such as Debian's Fashion-MNIST folder).
 */
export function workspaceGuard(workspace: string, alsoAllowed: readonly string[] = []): PathGuard {
  let root: Promise<string> | undefined;
  return {
    workspace,
    async check(path) {
      root ??= realWorkspace(workspace);
      const real = await realPathOf(absolute(workspace, path));
      const base = await root;
      if (isInside(real, base)) return real;
      for (const allowed of alsoAllowed) {
        const realAllowed = await realPathOf(resolve(allowed)).catch(() => null);
        if (realAllowed !== null && isInside(real, realAllowed)) return real;
      }
      const through = real === absolute(workspace, path) ? '' : ` (it leads to ${shortPath(real)})`;
      throw new ApiError(
        'forbidden',
        `The web shell only reads and writes inside its workspace (${shortPath(base)}); '${shortPath(path)}' is outside it${through}.`,
      );
    },
  };
}

/**
 * The desktop guard: a path the user picked in one of main's own dialogs (or from the recent list),
 * or one really inside the workspace. The renderer cannot name any other file, so a compromised
 * page cannot read or overwrite what the user never chose.
 */
export function chosenPathGuard(workspace: string, isChosen: (path: string) => boolean): PathGuard {
  let root: Promise<string> | undefined;
  return {
    workspace,
    async check(path) {
      const full = absolute(workspace, path);
      root ??= realWorkspace(workspace);
      const real = await realPathOf(full);
      if (isChosen(full) || isChosen(real)) return real;
      if (isInside(real, await root)) return real;
      throw new ApiError(
        'forbidden',
        `NetCanvas only opens and writes files you chose in its dialogs; '${shortPath(path)}' was not chosen.`,
      );
    },
  };
}

/** No confinement (the CLI and tests that pass their own paths); still resolves relative paths. */
export function openGuard(workspace: string): PathGuard {
  return { workspace, check: (path) => Promise.resolve(absolute(workspace, path)) };
}
