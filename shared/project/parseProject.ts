import type { ZodError } from 'zod';
import { capMessage } from '../errors/capMessage';
import { CodedError } from '../errors/codedError';
import { JsonTextError, parseJsonText } from '../json/parseJsonText';
import { ChallengeFileError, validateChallenge } from '../challenges/parseChallenge';
import { show } from '../keras/jsonValue';
import type { ProjectFile } from './projectFile';
import { PROJECT_VERSION } from './projectFile';
import { projectSchema } from './projectSchema';
import { migrateProject } from './migrations';

/** A project file that cannot be used, with the exact place of the problem. */
export class ProjectFileError extends CodedError<'invalidProject'> {
  constructor(
    message: string,
    /** Where in the file, like `graph.nodes[3].params.filters`; empty for the whole file. */
    readonly path: string,
  ) {
    super('invalidProject', capMessage(path ? `${path}: ${message}` : message));
  }
}

/** `graph.nodes[3].params.filters` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}

function firstProblem(error: ZodError): ProjectFileError {
  const issue = error.issues[0];
  return new ProjectFileError(
    issue?.message ?? 'invalid project file',
    formatPath(issue?.path ?? []),
  );
}

/**
 * A value as an error message shows it: a number or a short string as it is, anything else by its
 * kind. Never the whole value: it may be a million characters, or nested 100,000 deep (which
 * overflows the stack of `JSON.stringify` and `String`).
 */
function describeValue(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object' && v !== null) return 'an object';
  return show(v);
}

/** True when parsed JSON looks like a NetCanvas project (as opposed to a Keras model.json). */
export const isProjectJson = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && (v as { format?: unknown }).format === 'netcanvas-project';

/**
 * Validates an already parsed project (any version) and migrates it to the current one.
 * Throws ProjectFileError naming the exact path of the first problem.
 */
export function validateProject(data: unknown): ProjectFile {
  if (!isProjectJson(data))
    throw new ProjectFileError(
      'not a NetCanvas project (expected "format": "netcanvas-project")',
      'format',
    );
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new ProjectFileError(
      `expected a whole number ≥ 1, got ${describeValue(version)}`,
      'version',
    );
  if (version > PROJECT_VERSION)
    throw new ProjectFileError(
      `this project was saved by a newer NetCanvas (file version ${version}, this one reads up to ${PROJECT_VERSION}); update NetCanvas to open it`,
      'version',
    );
  const migrated = migrateProject(data, version);
  const result = projectSchema.safeParse(migrated);
  if (!result.success) throw firstProblem(result.error);
  const project = result.data as ProjectFile;
  const ids = new Set<string>();
  for (const [i, n] of project.graph.nodes.entries()) {
    if (ids.has(n.id))
      throw new ProjectFileError(`duplicate node id "${n.id}"`, `graph.nodes[${i}].id`);
    ids.add(n.id);
  }
  if (project.challenge === undefined) return project;
  try {
    return { ...project, challenge: validateChallenge(project.challenge) };
  } catch (e) {
    if (e instanceof ChallengeFileError)
      throw new ProjectFileError(
        e.message.slice(e.path ? e.path.length + 2 : 0),
        e.path ? `challenge.${e.path}` : 'challenge',
      );
    throw e;
  }
}

/**
 * Parses project-file text. Throws ProjectFileError for empty, truncated, absurdly nested (refused
 * by a scan before `JSON.parse`) or invalid files; the message never quotes the file's text.
 */
export function parseProjectFile(text: string): ProjectFile {
  let data: unknown;
  try {
    data = parseJsonText(text);
  } catch (e) {
    if (e instanceof JsonTextError) throw new ProjectFileError(e.message, '');
    throw e;
  }
  return validateProject(data);
}

/** The text NetCanvas writes for a project: stable key order, two-space indent, final newline. */
export const serializeProject = (p: ProjectFile): string => `${JSON.stringify(p, null, 2)}\n`;
