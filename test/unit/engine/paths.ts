/** Paths the engine tests read: ../shared sits beside the repository root (locally and in CI). */
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const readShared = (rel: string): string => fs.readFileSync(path.join(SHARED_DIR, rel), 'utf8');
export const publicVignettes = (): unknown => JSON.parse(readShared('clinical/vignettes/public.json'));
export const publicCurativeVignettes = (): unknown => JSON.parse(readShared('clinical/vignettes/public-curative.json'));
