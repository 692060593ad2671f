import { CodedError } from '../errors/codedError';
import type { Graph } from '../graph/types';
import { fixedClassCount } from '../training/datasetKinds';
import { JsonTextError, parseJsonText } from '../json/parseJsonText';
import { checkDepth } from '../keras/jsonValue';
import { fromKerasTopology, looksLikeKerasModel } from '../keras/fromKerasTopology';
import { KerasImportError } from '../keras/kerasImportError';
import { isProjectJson, ProjectFileError, validateProject } from '../project/parseProject';
import type { ProjectFile } from '../project/projectFile';
import { capMessage } from '../errors/capMessage';

/** A model file's text that cannot be read; `message` is one line saying what is wrong and where. */
export class ModelTextError extends CodedError<'unreadableModel'> {
  constructor(message: string) {
    // One line, short: a hostile file can make a validator's message as long as the file.
    super('unreadableModel', capMessage(message.replace(/\s*\n\s*/g, ' ')));
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
  /** The whole project (training settings, data set) when the file is one. */
  readonly project: ProjectFile | null;
  /** The parsed JSON, for what only some formats carry (a tfjs weights manifest). */
  readonly json: unknown;
}

/**
 * Reads the text of a NetCanvas project file or a Keras / TensorFlow.js model file (`model.json`
 * with `modelTopology`, a bare topology, Keras 2 `to_json()`, Keras 3 `config.json`) into a graph.
 * Throws ModelTextError for empty, truncated or malformed text, nesting deeper than any model file,
 * a file in neither format, or a model file NetCanvas cannot read (the message names the layer and
 * field). A well-formed graph with shape errors is returned: `inferGraph` explains those.
 */
export function readModelText(text: string): ModelText {
  let json: unknown;
  try {
    json = parseJsonText(text);
  } catch (e) {
    if (e instanceof JsonTextError) throw new ModelTextError(e.message);
    throw e;
  }
  try {
    checkDepth(json);
    if (isProjectJson(json)) {
      const project = validateProject(json);
      const classes = fixedClassCount(project.dataset.kind);
      return {
        graph: project.graph,
        name: project.name,
        source: 'project',
        project,
        json,
        ...(classes ? { classes } : {}),
      };
    }
    if (!looksLikeKerasModel(json))
      throw new ModelTextError(
        'neither a NetCanvas project ("format": "netcanvas-project") nor a Keras / TensorFlow.js model ("modelTopology", or "class_name" and "config")',
      );
    const imported = fromKerasTopology(json);
    return { graph: imported.graph, name: imported.name, source: 'keras', project: null, json };
  } catch (e) {
    if (e instanceof ModelTextError) throw e;
    if (e instanceof KerasImportError || e instanceof ProjectFileError)
      throw new ModelTextError(e.message);
    throw e;
  }
}
