import { z } from 'zod';

/** Longest path accepted anywhere (Linux PATH_MAX). */
export const MAX_PATH_LENGTH = 4096;

/** An absolute or relative file-system path; NUL bytes would be cut short by the OS, so refuse them. */
export const pathSchema = z
  .string()
  .min(1, 'the path is empty')
  .max(MAX_PATH_LENGTH)
  .refine((p) => !p.includes('\0'), 'the path contains a NUL character');
