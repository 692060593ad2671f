import { CodedError } from '../errors/codedError';
import { errorMessage } from '../errors/errorMessage';

/** Deeper than any file or request NetCanvas reads (a Keras topology nests about 12 levels). */
export const MAX_JSON_DEPTH = 64;

/** Why text is not usable JSON: empty, nested deeper than any real file, or malformed. */
export class JsonTextError extends CodedError<'empty' | 'tooDeep' | 'invalid'> {}

/** `line 3, column 7` for a character offset. */
export function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/**
 * The offset of the first bracket that nests deeper than `max`, or -1. One pass over the
 * characters, skipping strings: it runs before `JSON.parse`, which would spend seconds building
 * millions of nested arrays (and recursive code after it would overflow the stack).
 */
export function tooDeepAt(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/**
 * Parses JSON that came from outside (a file, a request), refusing absurd nesting by a scan first.
 * Messages say where the problem is but never quote the text: it may be any file on the disk
 * (`/etc/passwd` through a link), and echoing it would leak it.
 *
 * @throws JsonTextError 'empty', 'tooDeep' (with line and column) or 'invalid' (with line and column)
 */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new JsonTextError('empty', 'the file is empty');
  const deep = tooDeepAt(body, maxDepth);
  if (deep >= 0)
    throw new JsonTextError(
      'tooDeep',
      `the JSON nests deeper than ${maxDepth} levels (at ${lineAndColumn(body, deep)}); no model or project file does that`,
    );
  try {
    return JSON.parse(body) as unknown;
  } catch (e) {
    if (e instanceof RangeError)
      throw new JsonTextError(
        'tooDeep',
        'the JSON nests too deeply to read; no model or project file does that',
      );
    const detail = errorMessage(e);
    const at = /position (\d+)/.exec(detail);
    const where = at ? ` at ${lineAndColumn(body, Number(at[1]))}` : '';
    const cut =
      /end of JSON input/i.test(detail) || (at !== null && Number(at[1]) >= body.trimEnd().length);
    // V8 quotes the bad token and the text around it; keep only what kind of mistake it is.
    const kind = detail
      .replace(/\s+(in JSON )?at position \d+.*$/s, '')
      .replace(/, ".*"(\.\.\.)? is not valid JSON$/s, '')
      .replace(/^(Unexpected \w+( \w+)*?) '.*'$/s, '$1')
      .replace(/\s+/g, ' ')
      .slice(0, 80);
    throw new JsonTextError(
      'invalid',
      `not valid JSON${where}: ${kind}${cut ? ' (the file looks truncated)' : ''}`,
    );
  }
}
