import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { CallContext, Transport } from '../../../shared/api';
import type { CaseInput, PatientInput } from '../../../shared/domain/case';

/** A fresh temporary folder per test, removed afterwards. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(path.join(tmpdir(), 'tb-test-'));
    dirs.push(d);
    return d;
  };
}

export const patient = (over: Partial<PatientInput> = {}): PatientInput => ({
  identifier: 'MRN0000001', family_name: 'Ødegård', given_name: 'Zoë', birth_date: '1961-04-12', sex: 'female', ...over,
});

export const caseInput = (over: Partial<CaseInput> = {}): CaseInput => ({
  referring_clinician: 'Dr. Ana Ferreira, Medical Oncology',
  diagnosis: 'Sigmoid adenocarcinoma, bilobar liver metastases',
  question: 'Candidate for Y-90 after progression on FOLFOX?',
  status: 'draft',
  facts: { primary_tumor: 'colorectal', ecog: 1, bilirubin_mg_dl: 0.8, albumin_g_dl: 3.9, liver_dominant: true },
  ...over,
});

/** A local seat's call context (the CLI's by default): the seat acts as local administrator, as the transports do. */
export const seatCtx = (label: string, transport: Transport = 'cli'): CallContext => ({
  transport, session: transport, actor: { label, profileId: null, role: 'admin' },
});
