import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Deepest folder chain created at once; a guard against a runaway walk up a strange path. */
const MAX_DEPTH = 64;

/**
 * Creates `folder` and its missing parents, one level at a time. Node 20's recursive mkdirSync never
 * returns for a path under /proc (it spins at full CPU), so the walk is done here and fails with ENOENT
 * or ENOTDIR instead.
 */
export function ensureFolder(folder: string): void {
  const missing: string[] = [];
  let current = path.resolve(folder);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    try {
      if (statSync(current).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${current}'`), { code: 'ENOTDIR', path: current });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folderToMake of missing.reverse()) mkdirSync(folderToMake);
}
