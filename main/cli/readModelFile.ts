import { readFile, stat } from 'node:fs/promises';
import { errorMessage } from '../../shared/errors/errorMessage';
import { ModelTextError, readModelText } from '../../shared/summary/readModelText';
import type { ModelText } from '../../shared/summary/readModelText';

/** Far above any model topology (the MNIST CNN's is 5 KB); a bigger file is not one. */
const MAX_BYTES = 32 * 1024 * 1024;

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

/** The file's text, or a one-line reason it cannot be had. */
async function readText(file: string): Promise<string> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new ModelTextError('is a folder, not a file');
    if (info.size > MAX_BYTES)
      throw new ModelTextError(
        `is ${Math.round(info.size / 1024 / 1024)} MB, far more than any model topology (is it the weights file?)`,
      );
    return await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof ModelTextError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new ModelTextError(`cannot read the file: ${FILE_ERRORS[code] ?? errorMessage(e)}`);
  }
}

/**
 * The one way the CLI's commands read FILE: a project or a Keras / TensorFlow.js model file, with
 * the project (settings, data set) and the parsed JSON (a tfjs weights manifest) when there are.
 *
 * @throws ModelTextError with one line saying what is wrong (without the file name)
 */
export async function readModelFile(file: string): Promise<ModelText> {
  return readModelText(await readText(file));
}
