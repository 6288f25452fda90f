/**
 * Encryption at rest: the same work on a plaintext and an encrypted database (same cases, same seed), one
 * ratio each (encrypted / plain; goal ≤ 1.3): the first page of the case list, searches, and inserting cases
 * (each in its own transaction, as the app writes them). Page cache is cold-ish: a fresh connection each side.
 */
import path from 'node:path';
import { setProcessKey, resetProcessKey } from '../db/keys';
import { openDatabase } from '../db/open';
import { createCase, listCases } from '../db/repositories/cases';
import { caseListQuerySchema } from '../shared/domain/case';
import { seedDemo } from '../electron/services/demo';
import { generateDemoCases } from '../shared/demo/generate';
import { emit, time } from './harness';

const SEARCHES = ['odeg', 'nunez', 'colorectal y-90', 'mrn12'];

function measure(file: string, key: string | null, cases: number) {
  setProcessKey(key);
  try {
    const { db } = openDatabase(file);
    try {
      seedDemo(db, cases, 11);
      const list = time(() => listCases(db, caseListQuerySchema.parse({})), 100);
      let search = 0;
      for (const s of SEARCHES) search += time(() => listCases(db, caseListQuerySchema.parse({ search: s })), 30);
      const extra = generateDemoCases(200, 99);
      let i = 0;
      const insert = time(() => {
        const c = extra[i++ % extra.length];
        if (!c) return;
        createCase(db, { patient: { ...c.patient, identifier: `B${i}-${c.patient.identifier}`.slice(0, 40) }, case: c.case }, 'bench');
      }, 150);
      return { list, search: search / SEARCHES.length, insert };
    } finally {
      db.close();
    }
  } finally {
    resetProcessKey();
  }
}

export function benchEncryption(dir: string, cases: number): void {
  const plain = measure(path.join(dir, 'plain.db'), null, cases);
  const encrypted = measure(path.join(dir, 'encrypted.db'), 'bench passphrase for the encrypted side', cases);
  emit('encrypted.list', { median_ms: encrypted.list, runs: 100 });
  emit('ratio.encrypted.list', { ratio: encrypted.list / plain.list });
  emit('ratio.encrypted.search', { ratio: encrypted.search / plain.search });
  emit('encrypted.insert', { median_ms: encrypted.insert, runs: 150 });
  emit('ratio.encrypted.insert', { ratio: encrypted.insert / plain.insert });
}
