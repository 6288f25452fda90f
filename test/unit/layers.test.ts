import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lint is what enforces DESIGN.md's layer arrows; these cases prove each arrow is actually checked. */
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it('keeps the renderer away from db/, electron/, electron and Node', async () => {
    const found = await restrictedImports('renderer/views/Bad.ts', [
      "import { openDatabase } from '../../db/open';",
      "import { caseHandlers } from '../../electron/services/cases';",
      "import { ipcRenderer } from 'electron';",
      "import { readFileSync } from 'node:fs';",
      'export const all = [openDatabase, caseHandlers, ipcRenderer, readFileSync];',
    ].join('\n'));
    expect(found).toHaveLength(4);
  });

  it('keeps shared/ pure and db/ below electron/', async () => {
    expect(await restrictedImports('shared/bad.ts', "import { openDatabase } from '../db/open';\nimport path from 'node:path';\nexport const x = [openDatabase, path];")).toHaveLength(2);
    expect(await restrictedImports('db/bad.ts', "import { startBrowserHost } from '../electron/host/server';\nexport const x = startBrowserHost;")).toHaveLength(1);
  });

  it("allows 'electron' only in electron/shell/", async () => {
    expect(await restrictedImports('electron/services/bad.ts', "import { app } from 'electron';\nexport const x = app;")).toHaveLength(1);
    expect(await restrictedImports('electron/shell/ok.ts', "import { app } from 'electron';\nexport const x = app;")).toEqual([]);
  });

  it('lets the renderer use shared/', async () => {
    expect(await restrictedImports('renderer/views/Good.ts', "import { foldText } from '../../shared/text/fold';\nexport const x = foldText;")).toEqual([]);
  });
});
