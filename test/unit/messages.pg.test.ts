import { describe, expect, it } from 'vitest';
import { createCase } from '../../db/repositories/cases';
import { cli } from './helpers/cli';
import { caseInput, patient } from './helpers/fixtures';
import { useEngine } from './helpers/engines';
import { messagesSuite } from './messages.suite';

messagesSuite('postgres');

describe('what only PostgreSQL can get wrong, in the same words', () => {
  const fixture = useEngine('postgres');

  it('a trigger disabled by the table owner reads like one dropped (area and what is at stake), without SQL', async () => {
    const store = fixture.place();
    const db = fixture.reopen(store);
    createCase(db, { patient: patient(), case: caseInput() }, 'tester');
    db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update; ALTER TABLE toxicities DISABLE TRIGGER toxicities_no_truncate; ALTER TABLE audit_log DISABLE TRIGGER audit_log_notify');
    expect(await cli('check', ...fixture.cliArgs(store))).toMatchObject({
      code: 1, out: '',
      err: [
        'FAILED: audit: protection trigger audit_log_no_update is disabled (audit log can be altered)',
        'FAILED: live events: trigger audit_log_notify is disabled (other servers and screens are not told of changes)',
        'FAILED: outcomes: protection trigger toxicities_no_truncate is disabled (recorded outcomes can be altered)',
      ].join('\n'),
    });
  });

  it('a server that cannot be reached is named with what to check, not a network code', async () => {
    const url = new URL(fixture.cliArgs(fixture.place())[1] ?? '');
    url.port = '1';
    const refused = await cli('check', '--postgres', url.toString());
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`tumour-board check: PostgreSQL at ${url.toString()}: nothing answers at 127.0.0.1:1 (is PostgreSQL running there, and are the host and port in the URL right?)`);
  });
});
