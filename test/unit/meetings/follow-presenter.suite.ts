// Follow the presenter on a board server: the presenter's move is recorded (audited, who and when) and streamed by
// the change feed as `meeting.present`; any signed-in screen can ask where the room is; members cannot move the
// room; only a meeting in progress is followed; the move changes no record, and the board still checks clean. On
// either engine (follow-presenter.test.ts: SQLite; follow-presenter.pg.test.ts: PostgreSQL).
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../db/repositories/cases';
import { addCaseToMeeting, createMeeting, readinessFor, transitionMeeting } from '../../../db/repositories/meetings';
import { clockOf } from '../../../db/repositories/settings';
import { checkDatabase } from '../../../db/check';
import { ChangeFeed } from '../../../electron/host/events';
import type { CallContext, UserRole } from '../../../shared/api';
import { todayIn } from '../../../shared/time/clock';
import { caseInput, patient } from '../helpers/fixtures';
import { useEngine, type Engine } from '../helpers/engines';

const as = (label: string, role: UserRole): CallContext => ({ transport: 'network', session: `network:${label}`, actor: { label, profileId: null, role } });

export function followPresenterSuite(engine: Engine): void {
  const fixture = useEngine(engine);

  describe(`follow the presenter on ${engine}`, () => {
    it('streams the presenter\'s move, tells members where the room is, and refuses members and meetings not in progress', async () => {
      const ctx = fixture.app({ transport: 'network' });
      try {
        const db = ctx.db;
        const coordinator = { label: 'Cora', profileId: null };
        const ids = [1, 2, 3].map((n) => createCase(db, { patient: patient({ identifier: `MRN${n}` }), case: caseInput() }, 'setup').id);
        const meeting = createMeeting(db, { board: 'Liver board', scheduled_at: `${todayIn(clockOf(db).time_zone)}T08:00`, location: '', video_link: '', chair_profile_id: null, coordinator_profile_id: null, attendees: [] }, coordinator);
        const items = ids.map((caseId) => addCaseToMeeting(db, { meeting_id: meeting.id, case_id: caseId, ...(readinessFor(db, meeting.id, caseId).ready ? {} : { override_reason: 'Listed for the test.' }) }, coordinator));
        const second = items[1];
        if (!second) throw new Error('no agenda');

        // Planned: nothing to follow yet.
        expect(await ctx.dispatch('meetings.present', { meeting_id: meeting.id, item_id: second.id }, as('Cora', 'coordinator')))
          .toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'meeting_id' } });
        transitionMeeting(db, meeting.id, meeting.version, 'start', coordinator);
        expect(await ctx.dispatch('meetings.presenting', { meeting_id: meeting.id }, as('Mo', 'member'))).toEqual({ ok: true, value: null });

        const feed = ChangeFeed.over(() => ctx.db);
        const heard: { op: string; entity: string; id: number | string; actor: string }[] = [];
        feed.subscribe((e) => heard.push(e));
        const moved = await ctx.dispatch('meetings.present', { meeting_id: meeting.id, item_id: second.id }, as('Cora', 'coordinator'));
        expect(moved).toMatchObject({ ok: true, value: { meeting_id: meeting.id, item_id: second.id, position: 2, by: 'Cora' } });
        await feed.poll();
        expect(heard).toEqual([expect.objectContaining({ op: 'meeting.present', entity: 'meeting', id: meeting.id, actor: 'Cora' })]);
        expect(await ctx.dispatch('meetings.presenting', { meeting_id: meeting.id }, as('Mo', 'member')))
          .toMatchObject({ ok: true, value: { item_id: second.id, position: 2, by: 'Cora' } });

        // A member follows; they do not move the room. An item of another meeting is not on this agenda.
        expect(await ctx.dispatch('meetings.present', { meeting_id: meeting.id, item_id: second.id }, as('Mo', 'member')))
          .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(await ctx.dispatch('meetings.present', { meeting_id: meeting.id + 1, item_id: second.id }, as('Cora', 'coordinator')))
          .toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'item_id' } });
        expect(checkDatabase(db).problems).toEqual([]);
      } finally {
        ctx.close();
      }
    });
  });
}
