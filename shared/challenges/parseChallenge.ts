import { capMessage } from '../errors/capMessage';
import { CodedError } from '../errors/codedError';
import { JsonTextError, parseJsonText } from '../json/parseJsonText';
import { show } from '../keras/jsonValue';
import { formatPath } from '../project/parseProject';
import type { ChallengeFile } from './challengeFile';
import { CHALLENGE_VERSION } from './challengeFile';
import { challengeSchema } from './challengeSchema';
import { migrateChallenge } from './migrations';

/** A challenge file that cannot be used, with the exact place of the problem. */
export class ChallengeFileError extends CodedError<'invalidChallenge'> {
  constructor(
    message: string,
    /** Where in the file, like `goal.maxParams`; empty for the whole file. */
    readonly path: string,
  ) {
    super('invalidChallenge', capMessage(path ? `${path}: ${message}` : message));
  }
}

/** True when parsed JSON says it is a NetCanvas challenge. */
export const isChallengeJson = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  (v as { format?: unknown }).format === 'netcanvas-challenge';

/**
 * Validates an already parsed challenge (any version) and migrates it to the current one.
 * Throws ChallengeFileError naming the exact path of the first problem.
 */
export function validateChallenge(data: unknown): ChallengeFile {
  if (!isChallengeJson(data))
    throw new ChallengeFileError(
      'not a NetCanvas challenge (expected "format": "netcanvas-challenge")',
      'format',
    );
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new ChallengeFileError(
      `expected a whole number ≥ 1, got ${typeof version === 'object' ? 'an object or list' : show(version)}`,
      'version',
    );
  if (version > CHALLENGE_VERSION)
    throw new ChallengeFileError(
      `this challenge was written for a newer NetCanvas (file version ${version}, this one reads up to ${CHALLENGE_VERSION}); update NetCanvas to open it`,
      'version',
    );
  const result = challengeSchema.safeParse(migrateChallenge(data, version));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ChallengeFileError(
      issue?.message ?? 'invalid challenge file',
      formatPath(issue?.path ?? []),
    );
  }
  const challenge = result.data as ChallengeFile;
  const ids = new Set(challenge.start?.nodes.map((n) => n.id));
  for (const [i, id] of (challenge.lockedBlocks ?? []).entries())
    if (!ids.has(id))
      throw new ChallengeFileError(
        `"${id.slice(0, 40)}" is not a block of the starting network (start.nodes[…].id)`,
        `lockedBlocks[${i}]`,
      );
  const { maxEpochs } = challenge.goal;
  const fixedEpochs = challenge.fixedSettings?.epochs;
  if (maxEpochs !== undefined && fixedEpochs !== undefined && fixedEpochs > maxEpochs)
    throw new ChallengeFileError(
      `${fixedEpochs} epochs is more than the goal allows (goal.maxEpochs is ${maxEpochs})`,
      'fixedSettings.epochs',
    );
  return challenge;
}

/**
 * Parses challenge-file text. Throws ChallengeFileError for empty, truncated, absurdly nested or
 * invalid files; the message never quotes the file's text.
 */
export function parseChallengeFile(text: string): ChallengeFile {
  let data: unknown;
  try {
    data = parseJsonText(text);
  } catch (e) {
    if (e instanceof JsonTextError) throw new ChallengeFileError(e.message, '');
    throw e;
  }
  return validateChallenge(data);
}

/** The text NetCanvas writes for a challenge: two-space indent, final newline. */
export const serializeChallenge = (c: ChallengeFile): string => `${JSON.stringify(c, null, 2)}\n`;
