// The error screen: a render error shows what happened in words, is logged, and "Try again" renders afresh.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../renderer/components/ErrorBoundary';
import { APP_MESSAGES } from '../../renderer/messages/app';

let failing = true;
function Flaky() {
  if (failing) throw new Error('cannot read the agenda');
  return <p>the agenda</p>;
}

describe('ErrorBoundary', () => {
  it('shows a readable error screen, logs the failure, and recovers on "Try again"', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const logged: string[] = [];
    const reloads: number[] = [];
    failing = true;
    render(<ErrorBoundary onError={(error) => logged.push(error.message)} reload={() => reloads.push(1)}><Flaky /></ErrorBoundary>);
    expect(screen.getByRole('alert')).toHaveTextContent(APP_MESSAGES.errorTitle);
    expect(screen.getByText(APP_MESSAGES.errorBody)).toBeInTheDocument();
    expect(screen.getByText('cannot read the agenda')).toBeInTheDocument();
    expect(logged).toEqual(['cannot read the agenda']);

    await userEvent.click(screen.getByRole('button', { name: APP_MESSAGES.reload }));
    expect(reloads).toEqual([1]);

    failing = false;
    await userEvent.click(screen.getByRole('button', { name: APP_MESSAGES.tryAgain }));
    expect(screen.getByText('the agenda')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    quiet.mockRestore();
  });
});
