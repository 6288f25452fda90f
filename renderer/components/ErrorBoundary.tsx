/**
 * The last line of defence of the UI: a render error anywhere below shows a screen a clinician can act on (what
 * happened, that saved records are safe, try again or reload) instead of a blank window, and the error is logged
 * (the browser console, which the desktop's log collects). "Try again" renders the children afresh.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { APP_MESSAGES } from '../messages/app';

interface Props {
  children: ReactNode;
  /** Where the failure is reported (default: console.error). */
  onError?: (error: Error, componentStack: string) => void;
  /** Reload the application (default: location.reload). */
  reload?: () => void;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    const report = this.props.onError ?? ((e: Error, stack: string) => console.error('[tumour-board] screen failed:', e.message, stack));
    report(error, info.componentStack ?? '');
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <main className="error-screen" role="alert" aria-labelledby="error-screen-title">
        <h1 id="error-screen-title">{APP_MESSAGES.errorTitle}</h1>
        <p>{APP_MESSAGES.errorBody}</p>
        <details>
          <summary>{APP_MESSAGES.errorDetail}</summary>
          <p>{error.message}</p>
        </details>
        <div className="error-screen-actions">
          <button type="button" onClick={() => this.setState({ error: null })}>{APP_MESSAGES.tryAgain}</button>
          <button type="button" onClick={() => (this.props.reload ?? (() => window.location.reload()))()}>{APP_MESSAGES.reload}</button>
        </div>
      </main>
    );
  }
}
