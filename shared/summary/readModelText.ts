import { CodedError } from '../errors/codedError';
import { errorMessage } from '../errors/errorMessage';
import type { Graph } from '../graph/types';
import { checkDepth, MAX_DEPTH } from '../keras/jsonValue';
import { fixedClassCount } from '../training/datasetKinds';
import { fromKerasTopology, looksLikeKerasModel } from '../keras/fromKerasTopology';
import { KerasImportError } from '../keras/kerasImportError';
import { isProjectJson, ProjectFileError, validateProject } from '../project/parseProject';

/** A model file's text that cannot be read; `message` is one line saying what is wrong and where. */
export class ModelTextError extends CodedError<'unreadableModel'> {
  constructor(message: string) {
    super('unreadableModel', message);
  }
}

/** A model read from a file, whichever format it was in. */
export interface ModelText {
  readonly graph: Graph;
  /** The model or project name. */
  readonly name: string;
  readonly source: 'project' | 'keras';
  /** Classes of the project's data set when known, to check the last layer against. */
  readonly classes?: number;
}

/** `line 3, column 7` for a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * Refuses text whose brackets nest deeper than any model file, before JSON.parse builds millions of
 * nested arrays (8 million take V8 seconds). One pass over the characters, skipping strings.
 */
function checkNesting(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) throw new ModelTextError(`the JSON nests deeper than ${MAX_DEPTH} levels (at ${lineAndColumn(text, i)}); no model file does that`);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

function parseJson(text: string): unknown {
  checkNesting(text);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    // V8's JSON parser may run out of stack on absurd nesting; say so rather than "invalid".
    if (e instanceof RangeError) throw new ModelTextError('the JSON nests too deeply to read; no model file does that');
    const detail = errorMessage(e);
    const at = /position (\d+)/.exec(detail);
    const where = at ? ` at ${lineAndColumn(text, Number(at[1]))}` : '';
    const cut = /end of JSON input/i.test(detail) || (at !== null && Number(at[1]) >= text.trimEnd().length);
    throw new ModelTextError(
      `not valid JSON${where}: ${detail
        .replace(/\s+in JSON at position \d+.*$/s, '')
        // V8 quotes the text around the bad token, which may span lines; the token itself is enough.
        .replace(/, ".*"(\.\.\.)? is not valid JSON$/s, '')
        .replace(/\s+/g, ' ')}${cut ? ' (the file looks truncated)' : ''}`,
    );
  }
}

const one = (s: string) => s.replace(/\s*\n\s*/g, ' ');

/**
 * Reads the text of a NetCanvas project file or a Keras / TensorFlow.js model file (`model.json`
 * with `modelTopology`, a bare topology, Keras 2 `to_json()`, Keras 3 `config.json`) into a graph.
 * Throws ModelTextError for empty, truncated or malformed text, nesting deeper than any model file,
 * a file in neither format, or a model file NetCanvas cannot read (the message names the layer and
 * field). A well-formed graph with shape errors is returned: `inferGraph` explains those.
 */
export function readModelText(text: string): ModelText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new ModelTextError('the file is empty');
  const json = parseJson(body);
  try {
    checkDepth(json);
    if (isProjectJson(json)) {
      const project = validateProject(json);
      const classes = fixedClassCount(project.dataset.kind);
      return { graph: project.graph, name: project.name, source: 'project', ...(classes ? { classes } : {}) };
    }
    if (!looksLikeKerasModel(json))
      throw new ModelTextError(
        'neither a NetCanvas project ("format": "netcanvas-project") nor a Keras / TensorFlow.js model ("modelTopology", or "class_name" and "config")',
      );
    const imported = fromKerasTopology(json);
    return { graph: imported.graph, name: imported.name, source: 'keras' };
  } catch (e) {
    if (e instanceof ModelTextError) throw e;
    if (e instanceof KerasImportError) throw new ModelTextError(one(e.message));
    if (e instanceof ProjectFileError) throw new ModelTextError(one(e.message));
    throw e;
  }
}
