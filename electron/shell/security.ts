/**
 * Session- and WebContents-wide guards (Electron security checklist): no navigation, no new windows, no
 * <webview>, no permissions, and no request leaves the app:// scheme. Installed once, before any window
 * exists, so every WebContents ever created is covered, including ones we did not create ourselves.
 */
import { app, type Session, type WebContents } from 'electron';
import { isAllowedRequestUrl } from './policy';

type Log = (message: string) => void;

export function installSessionGuards(session: Session, options: { allowDevTools: boolean; log: Log }): void {
  const { allowDevTools, log } = options;
  // Nothing the renderer may ask for: camera, microphone, notifications, geolocation, clipboard-read, HID...
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`permission request denied: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Offline by design: cancel every request that is not for our own files.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, { allowDevTools });
    if (!allowed) log(`request blocked: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

export function guardWebContents(contents: WebContents, log: Log): void {
  // The UI is a single page; any navigation (a dropped file, a link, a compromised script) is refused.
  contents.on('will-navigate', (event, url) => {
    log(`navigation denied: ${url.slice(0, 200)}`);
    event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    log(`redirect denied: ${url.slice(0, 200)}`);
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`window.open denied: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    log('webview attach denied');
    event.preventDefault();
  });
}

/** Applies guardWebContents to every WebContents the app ever creates. Call before the first window. */
export function guardAllWebContents(log: Log): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
}
