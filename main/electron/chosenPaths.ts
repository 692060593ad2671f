// The desktop shell's memory of which files the user chose. The renderer sends paths back to main
// (Save to the file it opened, Open Recent), but a compromised page could send any path: main
// accepts only one its own dialogs returned or its recent list holds.
import { resolve } from 'node:path';

/** Paths the user picked in main's dialogs this session, plus the recent list. */
export class ChosenPaths {
  private readonly paths = new Set<string>();

  constructor(recent: readonly string[] = []) {
    for (const p of recent) this.add(p);
  }

  /** Remembers a path a dialog returned or the recent list holds. */
  add(path: string): void {
    this.paths.add(resolve(path));
  }

  /** True when the user chose exactly this path (a folder chosen for a tfjs export included). */
  has(path: string): boolean {
    return this.paths.has(resolve(path));
  }
}
