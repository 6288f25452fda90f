/**
 * The minutes (or an outcome letter) as the PDF shows them: the builder's HTML in a sandboxed iframe (no
 * scripts: `sandbox="allow-same-origin"` only, so the app can style it) and the builder's stylesheet applied
 * through the CSSOM. The app's CSP forbids inline `<style>` (and a srcdoc frame inherits that CSP), so the HTML
 * comes without its `<style>` element and the same CSS is adopted as a constructed stylesheet, which the CSP
 * does not block. The sheet is constructed in the frame's own window, as adoptedStyleSheets requires.
 */
import { useCallback, useRef } from 'react';

/** Only for the screen: the page as a sheet of paper on a grey desk. Print rules (@page) are the builder's. */
export const SCREEN_CSS = `
@media screen {
  html { background: #d9dedd; }
  body { background: #fff; max-width: 190mm; margin: 6mm auto; padding: 12mm 14mm; box-shadow: 0 1px 5px rgba(0, 0, 0, 0.25); }
}
`;

type FrameWindow = Window & typeof globalThis;

/** Adopts `css` (and the screen framing) into the frame's document; false when the frame is not ready. */
export function applyFrameStyles(frame: HTMLIFrameElement, css: string): boolean {
  const win = frame.contentWindow as FrameWindow | null;
  const doc = frame.contentDocument;
  // Before the srcdoc has loaded the frame holds an empty initial document; the load event comes after.
  if (!win || !doc?.documentElement || doc.URL !== 'about:srcdoc') return false;
  if (typeof win.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in doc)) return false;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  const screen = new win.CSSStyleSheet();
  screen.replaceSync(SCREEN_CSS);
  doc.adoptedStyleSheets = [sheet, screen];
  doc.documentElement.dataset.styled = 'yes';
  return true;
}

export interface MinutesPreviewProps {
  html: string;
  css: string;
  /** The frame's accessible name, e.g. "Preview: Liver MDT minutes 12 March 2027". */
  title: string;
}

export function MinutesPreview({ html, css, title }: MinutesPreviewProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  // The HTML and its stylesheet come together (one preview answer): a new srcdoc loads, and its load applies the sheet.
  const apply = useCallback(() => { if (frame.current) applyFrameStyles(frame.current, css); }, [css]);
  return (
    <iframe ref={frame} className="minutes-frame" title={title} sandbox="allow-same-origin" srcDoc={html}
      onLoad={apply} data-testid="minutes-frame" />
  );
}
