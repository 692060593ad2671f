// Where an export lands: a folder named after the project and the time, so a learner finds each
// export again ("exports/cnn-32-64-2026-11-26-1432/") and a new one never overwrites an old one.
import { join } from 'node:path';
import type { ExportFormat } from '../../shared/api/backendApi';
import { exportFormatInfo } from '../../shared/api/exportFormats';

/** "CNN 32-64 'valid' + Dense 64" → "cnn-32-64-valid-dense-64": safe in any file system and URL. */
export function exportSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'model';
}

const two = (n: number) => String(n).padStart(2, '0');

/** `<slug>-YYYY-MM-DD-HHMM` in local time: the folder an export of `name` made at `when` goes to. */
export function exportFolderName(name: string, when: Date): string {
  const date = `${when.getFullYear()}-${two(when.getMonth() + 1)}-${two(when.getDate())}`;
  return `${exportSlug(name)}-${date}-${two(when.getHours())}${two(when.getMinutes())}`;
}

/**
 * Where `format` writes inside the export folder: tfjs fills the folder itself (model.json +
 * weights.bin); the others write one file named after the project with the format's suffix.
 */
export function exportFileIn(folder: string, slug: string, format: ExportFormat): string {
  const { suffix } = exportFormatInfo(format);
  return suffix === '' ? folder : join(folder, `${slug}${suffix}`);
}
