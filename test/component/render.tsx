import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { ApiError, type ApiClient } from '../../shared/api';
import { createAppStores, StoresProvider, type AppStores } from '../../renderer/stores/context';

// happy-dom does no layout: give the grid (the scroll container) a size, as a browser would, so the
// virtualiser renders a screenful of rows (600 px / 40 px rows = 15 rows plus overscan).
for (const [prop, size] of [['clientHeight', 600], ['clientWidth', 1000]] as const) {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop);
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('grid') ? size : (original?.get?.call(this) as number | undefined) ?? 0;
    },
  });
}

/** In-memory Storage so unit preferences do not leak between tests. */
export class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length(): number { return this.data.size; }
  clear(): void { this.data.clear(); }
  getItem(key: string): string | null { return this.data.get(key) ?? null; }
  key(index: number): string | null { return [...this.data.keys()][index] ?? null; }
  removeItem(key: string): void { this.data.delete(key); }
  setItem(key: string, value: string): void { this.data.set(key, value); }
}

/**
 * For components that never call the core (a panel fed its facts, the evidence catalogue): a call fails loudly, as a
 * window that lost its core would. Anything about behaviour gets the real core (realApi.ts).
 */
export const NO_CORE: ApiClient = {
  invoke: (name) => Promise.reject(new ApiError({ code: 'UNAVAILABLE', message: `this test has no core, yet ${name} was called` })),
};

export function renderWithStores<A extends ApiClient = ApiClient>(ui: ReactElement, api: A = NO_CORE as A, storage: Storage = new MemoryStorage()) {
  const stores: AppStores = createAppStores(api, storage);
  const user = userEvent.setup();
  const result = render(<StoresProvider stores={stores}>{ui}</StoresProvider>);
  return { ...result, api, stores, user };
}
