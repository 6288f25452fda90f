import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { documentFor, htmlFor } from '../../../electron/minutes/service';
import { seedDemo } from '../../../electron/services/demo';
import { useTempDir } from '../helpers/fixtures';

const temp = useTempDir();

describe('what travels with an exported file carries no patient name or MRN', () => {
  it("letters: the PDF's title and the file name give the case number and meeting date", () => {
    const { db } = openDatabase(path.join(temp(), 'b.sqlite'));
    seedDemo(db, 100, 5);
    const meetingId = db.prepare("SELECT id FROM meetings WHERE status = 'signed' LIMIT 1").pluck().get() as number;
    const items = db.prepare(`SELECT a.case_id, p.identifier, p.family_name, p.given_name FROM agenda_items a JOIN cases c ON c.id = a.case_id
      JOIN patients p ON p.id = c.patient_id WHERE a.meeting_id = ?`).all(meetingId) as { case_id: number; identifier: string; family_name: string; given_name: string }[];
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      const r = documentFor(db, { meeting_id: meetingId, case_id: item.case_id });
      const date = db.prepare('SELECT substr(scheduled_at, 1, 10) FROM meetings WHERE id = ?').pluck().get(meetingId) as string;
      expect(r.fileName).toBe(`letter-case-${item.case_id}-${date}.pdf`);
      expect(r.title).toMatch(new RegExp(`^Outcome letter: case ${item.case_id}, meeting `));
      const htmlTitle = /<title>([^<]*)<\/title>/.exec(htmlFor(r, null))?.[1] ?? '';
      expect(htmlTitle).toContain(`case ${item.case_id}`);
      for (const text of [r.fileName, r.title, htmlTitle]) {
        expect(text).not.toContain(item.identifier);
        expect(text).not.toContain(item.family_name);
      }
    }
    db.close();
  });
});
