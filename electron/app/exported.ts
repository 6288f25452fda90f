/**
 * The files this app context exported in this session, by file name: `exports.show` may only open or reveal one
 * of these (a caller names a file it was told about, never a path, so the renderer cannot make the desktop open
 * anything else).
 */
import path from 'node:path';

const KEEP = 100;

export class ExportedFiles {
  private readonly byName = new Map<string, string>();

  remember(file: string): void {
    const name = path.basename(file);
    this.byName.delete(name);
    this.byName.set(name, path.resolve(file));
    // Oldest first in a Map: drop beyond the newest KEEP.
    for (const old of this.byName.keys()) {
      if (this.byName.size <= KEEP) break;
      this.byName.delete(old);
    }
  }

  find(fileName: string): string | null {
    return this.byName.get(fileName) ?? null;
  }
}
