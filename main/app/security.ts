import { app, type Session } from 'electron';
import { APP_ORIGIN } from './protocol';

/**
 * Locks down every web contents the app ever creates: no navigation away from the app, no new
 * windows, no <webview>. The renderer only ever shows our own pages.
 */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/**
 * Denies every permission except writing to the clipboard from our own origin (copying a card
 * secret or an order number is part of the job), and cancels all network requests: VShip is an
 * offline app, and the CSP already forbids them; this is the second lock.
 */
export function lockDownSession(ses: Session): void {
  const ours = (url: string | undefined) => !!url && (url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`));
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(permission === 'clipboard-sanitized-write' && ours(details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => {
    return permission === 'clipboard-sanitized-write' && ours(requestingOrigin);
  });
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) => {
    callback({ cancel: true });
  });
}
