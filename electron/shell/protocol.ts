/**
 * The app:// protocol that serves the built renderer. The scheme must be registered as privileged before
 * the app is ready (standard: relative URLs and 'self' work; secure: a secure context, as https would be);
 * the handler is installed after ready. It never touches the network and never serves a file outside the
 * renderer folder (see static-files.ts), and every response carries the CSP header.
 */
import { protocol, type Session } from 'electron';
import { APP_SCHEME } from './policy';
import { serveAppRequest } from './static-files';

/** Call at module load of main, before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // No bypassCSP, no service workers, no streaming: the scheme only serves our static files.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Installs the handler on the session the window uses. `rendererDir` is the absolute dist/renderer path. */
export function installAppProtocol(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const response = await serveAppRequest(rendererDir, request.url, request.method);
    const body = typeof response.body === 'string' ? response.body : Buffer.from(response.body);
    return new Response(body, { status: response.status, headers: response.headers });
  });
}
