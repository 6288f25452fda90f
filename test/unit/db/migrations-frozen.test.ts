import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS } from '../../../db/migrations/index';

/**
 * Shipped migrations are never edited: a database in the field has already run them, so a change would
 * never reach it and the schemas would drift. A new migration adds its hash here; an old hash never changes.
 */
const SHIPPED: Record<number, string> = {
  1: '5115d2fb02c1e42597baa98d9f96bc3a00b8f2372f66af0e84ca183a0aaf1360',
  2: '96bd0334a5b914387a131aa762632854446d8af249e230788899b75d89a35c16',
  3: 'f0dae6a723e59d88cbe3fbb542fd5036bc6e929b6c9cd38cd189ce4299cb978c',
  4: 'ac59a289182645366c169f74c0fb8e825a0be1f8f06ea2493a0ff9941a5996fc',
  5: 'af66526cedcb22702560023160fd319b87fbf192912612b377e4476c3ebf68ab',
  6: '8c8cbb760bec708e49f3a9c8833de126bbc366247c34bcbb3d63b896ef00e4a3',
  7: '8807c112a01b823d2a71b90c3f6134a45c0832a5c88ce6fe6b195e21bc45b3b9',
  8: '7952b80f4cfc8826806113ae02f0d9292e6334ff3e57c3f6a0a2acce7900471f',
};

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
  });

  it('are never edited once shipped, and each has its frozen hash', () => {
    for (const m of MIGRATIONS) {
      expect({ version: m.version, sha256: createHash('sha256').update(m.sql).digest('hex') }).toEqual({ version: m.version, sha256: SHIPPED[m.version] });
    }
  });
});
