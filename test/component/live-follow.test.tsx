// Follow the presenter, renderer side: a member who follows is moved to the case the room is on when the
// presenter's move arrives; not when following is off, not for their own move, and the move reloads no screen.
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiClient, OperationName, OpInput, OpOutput } from '../../shared/api';
import { applyChanges } from '../../renderer/api/live';
import { createAppStores } from '../../renderer/stores/context';
import { MemoryStorage } from './render';

class RoomApi implements ApiClient {
  readonly calls: string[] = [];
  invoke<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> {
    this.calls.push(name);
    if (name === 'meetings.presenting') {
      const { meeting_id } = input as OpInput<'meetings.presenting'>;
      return Promise.resolve({ meeting_id, item_id: 30, position: 3, by: 'Cora', at: '2026-12-02T10:00:00.000Z' } as OpOutput<N>);
    }
    return Promise.reject(new Error(`unexpected ${name}`));
  }
}

const move = (actor: string) => ({ op: 'meeting.present', entity: 'meeting', id: 7, version: null, actor, at: '2026-12-02T10:00:00.000Z' });

describe('following the presenter', () => {
  it('moves a following member to the room\'s case, and only then', async () => {
    const api = new RoomApi();
    const stores = createAppStores(api, new MemoryStorage());
    stores.ui.getState().show({ name: 'present', id: 7, index: 0 });

    applyChanges(stores, [move('Cora')], 'Mo');
    await new Promise((r) => setTimeout(r, 20));
    expect(stores.ui.getState().view).toEqual({ name: 'present', id: 7, index: 0 });
    expect(api.calls).toEqual([]);

    stores.ui.getState().setFollowPresenter(true);
    applyChanges(stores, [move('Mo')], 'Mo');
    await new Promise((r) => setTimeout(r, 20));
    expect(stores.ui.getState().view).toEqual({ name: 'present', id: 7, index: 0 });

    applyChanges(stores, [move('Cora')], 'Mo');
    await waitFor(() => expect(stores.ui.getState().view).toEqual({ name: 'present', id: 7, index: 2 }));
    expect(api.calls).toEqual(['meetings.presenting']);
  });
});
