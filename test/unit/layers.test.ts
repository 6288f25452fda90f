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

  describe('inside the layers', () => {
    it('shared/: the facts are the bottom, the engine sits on them, the domain above the engine', async () => {
      // The engine may use the facts, not the domain (meetings, cases), the minutes or the contract.
      expect(await restrictedImports('shared/engine/bad.ts', "import { meetingSchema } from '../domain/meeting';\nexport const x = meetingSchema;")).toHaveLength(1);
      expect(await restrictedImports('shared/engine/calculators/bad.ts', "import { caseSchema } from '../../domain/case';\nexport const x = caseSchema;")).toHaveLength(1);
      expect(await restrictedImports('shared/engine/bad2.ts', "import { buildMinutes } from '../minutes/build';\nexport const x = buildMinutes;")).toHaveLength(1);
      expect(await restrictedImports('shared/engine/ok.ts', "import { caseFactsSchema } from '../facts/facts';\nexport const x = caseFactsSchema;")).toEqual([]);
      // The facts import nothing of ours above them.
      expect(await restrictedImports('shared/facts/bad.ts', "import { evaluate } from '../engine/evaluate';\nexport const x = evaluate;")).toHaveLength(1);
      expect(await restrictedImports('shared/facts/bad2.ts', "import { caseSchema } from '../domain/case';\nexport const x = caseSchema;")).toHaveLength(1);
      // The domain may use the engine (a meeting stores the engine's snapshot).
      expect(await restrictedImports('shared/domain/ok.ts', "import { evaluate } from '../engine/evaluate';\nexport const x = evaluate;")).toEqual([]);
    });

    it('electron/: the CLI never imports the shell; the shell only app/ and core/; services no transport', async () => {
      expect(await restrictedImports('electron/cli/commands/bad.ts', "import { createBridge } from '../../shell/bridge';\nexport const x = createBridge;")).toHaveLength(1);
      expect(await restrictedImports('electron/cli/bad.ts', "import { createBridge } from '../shell/bridge';\nexport const x = createBridge;")).toHaveLength(1);
      expect(await restrictedImports('electron/cli/ok.ts', "import { openAppContext } from '../app/context';\nexport const x = openAppContext;")).toEqual([]);

      for (const bad of ['../services/cases', '../../db/open', '../api/dispatcher', '../minutes/service', '../cli/core', '../imports/csv/import']) {
        expect(await restrictedImports('electron/shell/bad.ts', `import * as m from '${bad}';\nexport const x = m;`), bad).toHaveLength(1);
      }
      expect(await restrictedImports('electron/shell/ok.ts', [
        "import { createRelay } from '../core/relay';",
        "import { unlockDatabaseKey } from '../app/keychain';",
        "import type { ApiResult } from '../../shared/api';",
        'export const x = [createRelay, unlockDatabaseKey];',
        'export type R = ApiResult;',
      ].join('\n'))).toEqual([]);

      for (const bad of ['../host/server', '../shell/ipc', '../cli/core', '../core/relay']) {
        expect(await restrictedImports('electron/services/bad.ts', `import * as m from '${bad}';\nexport const x = m;`), bad).toHaveLength(1);
      }
      expect(await restrictedImports('electron/services/ok.ts', "import { getCase } from '../../db/repositories/cases';\nimport type { HostCapabilities } from '../app/host';\nexport const x = getCase;\nexport type H = HostCapabilities;")).toEqual([]);
    });

    it('renderer/: stores know no component, components no view, a view area only through its index', async () => {
      expect(await restrictedImports('renderer/stores/bad.ts', "import { CaseGrid } from '../components/CaseGrid';\nexport const x = CaseGrid;")).toHaveLength(1);
      expect(await restrictedImports('renderer/stores/bad2.ts', "import { CaseList } from '../views/CaseList';\nexport const x = CaseList;")).toHaveLength(1);
      expect(await restrictedImports('renderer/components/bad.ts', "import { CaseList } from '../views/CaseList';\nexport const x = CaseList;")).toHaveLength(1);
      expect(await restrictedImports('renderer/components/meetings/bad.ts', "import { DataView } from '../../views/data';\nexport const x = DataView;")).toHaveLength(1);
      expect(await restrictedImports('renderer/components/ok.ts', "import { useStores } from '../stores/context';\nexport const x = useStores;")).toEqual([]);
      // views/meetings may not reach into another view (../CaseList, ../data/…); components and stores are fine.
      expect(await restrictedImports('renderer/views/meetings/bad.ts', "import { CaseList } from '../CaseList';\nexport const x = CaseList;")).toHaveLength(1);
      expect(await restrictedImports('renderer/views/meetings/bad2.ts', "import { DataView } from '../data';\nexport const x = DataView;")).toHaveLength(1);
      expect(await restrictedImports('renderer/views/meetings/ok.ts', "import { isTypingTarget } from '../../components/keyboard';\nimport { Agenda } from './Agenda';\nexport const x = [isTypingTarget, Agenda];")).toEqual([]);
      // A top-level view reaches an area through its index only.
      expect(await restrictedImports('renderer/views/Bad.tsx', "import { Agenda } from './meetings/Agenda';\nexport const x = Agenda;")).toHaveLength(1);
      expect(await restrictedImports('renderer/views/Ok.tsx', "import { MeetingsRoute } from './meetings';\nexport const x = MeetingsRoute;")).toEqual([]);
    });
  });
});
