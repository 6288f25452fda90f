/**
 * The Electron shell's security policy as pure functions over plain values, so every rule can be unit tested
 * without loading Electron. Nothing here imports 'electron'; the shell modules (ipc.ts, security.ts,
 * protocol.ts, window.ts) extract plain facts from Electron objects and ask these functions.
 */

/** The privileged scheme the renderer is served from (see protocol.ts). */
export const APP_SCHEME = 'app';
/** The one host of that scheme. Anything else on `app:` is not ours. */
export const APP_HOST = 'tumour-board';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Content-Security-Policy sent as a response header with every app:// response (a <meta> tag could be
 * dropped or altered by the page; a header cannot). 'self' resolves to app://tumour-board because the
 * scheme is registered as standard and secure. img-src allows data: for inline icons only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Headers on every app:// response, alongside Content-Type. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
});

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is served by our own app:// protocol. Compares protocol and host (and rejects ports and
 * credentials): Node's `URL.origin` is the string "null" for custom schemes, so an origin comparison would
 * either match nothing or, worse, match every custom-scheme URL.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Which network requests the session lets through: our app:// files and data: URLs (images allowed by
 * the CSP). Everything else (http, https, ws, file, ftp, other custom schemes) is cancelled: the app is
 * offline by design and must never fetch remote content. DevTools' own scheme is allowed only when the
 * caller says DevTools are available (unpackaged development builds).
 */
export function isAllowedRequestUrl(url: string, options: { allowDevTools?: boolean } = {}): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'data:') return true;
  // Files the renderer builds itself (Export FHIR, registry CSV) are downloaded from blob:app://tumour-board/…;
  // a blob minted by any other origin is refused.
  if (parsed.protocol === 'blob:') return isAppUrl(parsed.pathname);
  if (options.allowDevTools === true && parsed.protocol === 'devtools:') return true;
  return false;
}

/** Identity of a frame as Electron reports it (WebFrameMain.processId / routingId). */
export interface FrameIdentity {
  processId: number;
  routingId: number;
}

/** Plain facts about an IPC message's sender, extracted from an IpcMainInvokeEvent by ipc.ts. */
export interface SenderFacts {
  /** `event.sender.id`: the WebContents that sent the message. */
  senderContentsId: number;
  /** Our window's WebContents id, or null when there is no window (nothing may call). */
  expectedContentsId: number | null;
  /** `event.senderFrame`; null when the frame navigated away or was destroyed before we looked. */
  frame: (FrameIdentity & { url: string; isTopLevel: boolean; detached: boolean }) | null;
  /** Our window's main frame, or null when there is no window. */
  mainFrame: FrameIdentity | null;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

/**
 * IPC is accepted only from the main frame of our own window while it shows our own app:// page.
 * Subframes (an injected iframe), other WebContents (a devtools extension, a future second window), and a
 * main frame that somehow navigated elsewhere are all refused.
 */
export function checkSender(facts: SenderFacts): SenderVerdict {
  if (facts.expectedContentsId === null || facts.mainFrame === null) {
    return { ok: false, reason: 'no application window' };
  }
  if (facts.senderContentsId !== facts.expectedContentsId) {
    return { ok: false, reason: 'sender is not the application window' };
  }
  const frame = facts.frame;
  if (frame === null || frame.detached) return { ok: false, reason: 'sender frame is gone' };
  if (!frame.isTopLevel) return { ok: false, reason: 'sender is a subframe' };
  if (frame.processId !== facts.mainFrame.processId || frame.routingId !== facts.mainFrame.routingId) {
    return { ok: false, reason: 'sender is not the main frame of the application window' };
  }
  if (!isAppUrl(frame.url)) return { ok: false, reason: 'sender frame is not showing the application' };
  return { ok: true };
}
