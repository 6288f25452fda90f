/**
 * Child process for the crash test: records decisions in a loop on one database and prints `saved <item> <decision>`
 * after each commit. The test SIGKILLs it at random moments and runs it again.
 */
import { openDatabase } from '../../../db/open';
import { createCase } from '../../../db/repositories/cases';
import { recordDecision } from '../../../db/repositories/decisions';
import { addCaseToMeeting, createMeeting, transitionMeeting } from '../../../db/repositories/meetings';
import { actorOf, createProfile } from '../../../db/repositories/profiles';

const file = process.argv[2];
if (!file) throw new Error('usage: crash-worker DB');
const { db } = openDatabase(file);
// Enough that six short runs never finish the agenda on a fast machine (each run is killed 20–170 ms in).
const ITEMS = 3000;
if ((db.prepare('SELECT count(*) FROM meetings').pluck().get() as number) === 0) {
  db.transaction(() => {
    const me = actorOf(createProfile(db, { name: 'Crash Chair', specialty: 'surgery', role: 'chair' }, null));
    const m = createMeeting(db, { board: 'Crash', scheduled_at: '2026-03-15T16:00', location: '', video_link: '', chair_profile_id: null, coordinator_profile_id: null, attendees: [] }, me);
    for (let i = 0; i < ITEMS; i++) {
      const c = createCase(db, {
        patient: { identifier: `C${i}`, family_name: `Crash${i}`, given_name: '', birth_date: null, sex: 'unknown' },
        case: { referring_clinician: '', question: '', diagnosis: '', status: 'draft', facts: { primary_tumor: 'colorectal', ecog: 1 } },
      }, me.label);
      addCaseToMeeting(db, { meeting_id: m.id, case_id: c.id, override_reason: 'crash test' }, me);
    }
    transitionMeeting(db, m.id, m.version, 'start', me);
  })();
}
const me = actorOf({ id: 1, name: 'Crash Chair', role: 'chair', specialty: 'surgery', has_pin: false, created_at: '' });
const pending = db.prepare('SELECT a.id FROM agenda_items a LEFT JOIN decisions d ON d.agenda_item_id = a.id WHERE d.id IS NULL ORDER BY a.id').pluck().all() as number[];
for (const itemId of pending) {
  const d = recordDecision(db, {
    agenda_item_id: itemId, plan: 'further_workup', intent: 'palliative', rationale: `item ${itemId}`, consensus: 'unanimous', patient_preference_discussed: true,
  }, me);
  process.stdout.write(`saved ${itemId} ${d.id}\n`);
}
process.stdout.write('done\n');
db.close();
