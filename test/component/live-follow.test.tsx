// Follow the presenter, renderer side: a member who follows is moved to the case the room is on when the
// presenter's move arrives; not when following is off, not for their own move, and the move reloads no screen.
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../renderer/api/live';
import { createAppStores } from '../../renderer/stores/context';
import { MemoryStorage } from './render';
import { meetingFixture, useRealCore } from './realApi';

// Against the real core: the room's position is what `meetings.present` stored; the change feed's event is the
// board server's part (test/unit/server), so it is handed to applyChanges here as it arrives.
const realCore = useRealCore();

const move = (meetingId: number, actor: string) => ({ op: 'meeting.present', entity: 'meeting', id: meetingId, version: null, actor, at: '2026-12-02T10:00:00.000Z' });

describe('following the presenter', () => {
  it('moves a following member to the room\'s case, and only then', async () => {
    const { core, api } = await meetingFixture(realCore());
    let m = await core.call('meetings.create', { board: 'Liver MDT', scheduled_at: '2026-03-03T16:00' });
    for (const id of [1, 2, 3]) await core.call('meetings.addCase', { meeting_id: m.id, case_id: id });
    m = await core.call('meetings.start', { id: m.id, version: m.version });
    // The presenter (Cora, on another screen) moves the room to the third case.
    const third = m.agenda[2];
    if (!third) throw new Error('the agenda has no third case');
    await core.call('meetings.present', { meeting_id: m.id, item_id: third.id });
    const stores = createAppStores(api, new MemoryStorage());
    stores.ui.getState().show({ name: 'present', id: m.id, index: 0 });

    applyChanges(stores, [move(m.id, 'Cora')], 'Mo');
    await new Promise((r) => setTimeout(r, 20));
    expect(stores.ui.getState().view).toEqual({ name: 'present', id: m.id, index: 0 });
    expect(api.calls).toEqual([]);

    stores.ui.getState().setFollowPresenter(true);
    applyChanges(stores, [move(m.id, 'Mo')], 'Mo');
    await new Promise((r) => setTimeout(r, 20));
    expect(stores.ui.getState().view).toEqual({ name: 'present', id: m.id, index: 0 });

    applyChanges(stores, [move(m.id, 'Cora')], 'Mo');
    await waitFor(() => expect(stores.ui.getState().view).toEqual({ name: 'present', id: m.id, index: 2 }));
    expect(api.calls.map((c) => c.name)).toEqual(['meetings.presenting']);
  });
});
