/**
 * Encryption at rest: the same work on a plaintext and an encrypted database (same cases, same seed), one
 * ratio each (encrypted / plain; goal ≤ 1.3): the first page of the case list, searches, and inserting cases
 * (each in its own transaction, as the app writes them, with synchronous=FULL). Both databases are open at once and
 * each measurement alternates between them (timePair), so the machine's drift between two blocks of runs (seen here
 * as ratios swinging from 1.1 to 2.3 run to run) falls on both sides alike.
 */
import path from 'node:path';
import { setProcessKey, resetProcessKey } from '../db/keys';
import { openDatabase } from '../db/open';
import { createCase, listCases } from '../db/repositories/cases';
import { caseListQuerySchema } from '../shared/domain/case';
import { seedDemo } from '../electron/services/demo';
import { generateDemoCases } from '../shared/demo/generate';
import { emit, timePair } from './harness';

const SEARCHES = ['odeg', 'nunez', 'colorectal y-90', 'mrn12'];
const PASSPHRASE = 'bench passphrase for the encrypted side';

function open(file: string, key: string | null, cases: number) {
  setProcessKey(key);
  try {
    const { db } = openDatabase(file);
    seedDemo(db, cases, 11);
    return db;
  } finally {
    resetProcessKey();
  }
}

export function benchEncryption(dir: string, cases: number): void {
  const plain = open(path.join(dir, 'plain.db'), null, cases);
  const encrypted = open(path.join(dir, 'encrypted.db'), PASSPHRASE, cases);
  try {
    const first = caseListQuerySchema.parse({});
    const [encryptedList, plainList] = timePair(() => listCases(encrypted, first), () => listCases(plain, first), 100);
    let encryptedSearch = 0;
    let plainSearch = 0;
    for (const s of SEARCHES) {
      const q = caseListQuerySchema.parse({ search: s });
      const [e, p] = timePair(() => listCases(encrypted, q), () => listCases(plain, q), 30);
      encryptedSearch += e;
      plainSearch += p;
    }
    const extra = generateDemoCases(200, 99);
    let i = 0;
    const insert = (db: typeof plain) => () => {
      const c = extra[i++ % extra.length];
      if (!c) return;
      createCase(db, { patient: { ...c.patient, identifier: `B${i}-${c.patient.identifier}`.slice(0, 40) }, case: c.case }, 'bench');
    };
    const [plainInsert, encryptedInsert] = timePair(insert(plain), insert(encrypted), 150);
    emit('encrypted.list', { median_ms: encryptedList, runs: 100 });
    emit('ratio.encrypted.list', { ratio: encryptedList / plainList });
    emit('ratio.encrypted.search', { ratio: encryptedSearch / plainSearch });
    emit('encrypted.insert', { median_ms: encryptedInsert, runs: 150 });
    emit('ratio.encrypted.insert', { ratio: encryptedInsert / plainInsert });
  } finally {
    plain.close();
    encrypted.close();
  }
}
