/**
 * The bundled letterhead logo (`assets/letterhead-logo.svg`) as a data: URL, used until the admin chooses one in
 * the board settings. Found beside the source tree or the bundle; null (no logo) if the file is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const FILE = 'letterhead-logo.svg';
let cached: string | null | undefined;

export function bundledLogoDataUrl(): string | null {
  if (cached !== undefined) return cached;
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const candidates = [path.join(here, '..', 'assets', FILE), path.join(here, '..', '..', 'assets', FILE), path.join(process.cwd(), 'assets', FILE)];
  const found = candidates.find((p) => existsSync(p));
  cached = found ? `data:image/svg+xml;base64,${readFileSync(found).toString('base64')}` : null;
  return cached;
}
