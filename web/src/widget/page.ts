/**
 * The host page the visitor is on, for the agent's customer sidebar: reported when the widget
 * starts and whenever the page changes, including the navigations of a single-page app that load
 * no page (`history.pushState`/`replaceState`, `popstate`, `hashchange`). Reports are throttled:
 * at most one per `throttleMs`, always the latest page, none when nothing changed, so an app that
 * rewrites its URL on every keystroke costs one request a second at most.
 */

/** What the server takes (docs/architecture.md, `pages`): absolute http(s), bounded lengths. */
export interface HostPage {
  url: string;
  title: string | null;
}

export const MAX_URL = 2048;
export const MAX_TITLE = 300;
export const THROTTLE_MS = 1000;
/**
 * A navigation is reported this long after it at the earliest: an app sets the new page's title
 * after `pushState`, in the same task or soon after, and the sidebar should show the new title.
 */
export const SETTLE_MS = 100;

/** The parts of `window` watched; a fake in tests. */
export interface PageWindow {
  location: { href: string };
  document: { title: string };
  history: { pushState: (...args: any[]) => void; replaceState: (...args: any[]) => void };
  addEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
  setTimeout(callback: () => void, ms: number): unknown;
}

/** The page as the server takes it, or null for one it would refuse (a file: or about: page, an overlong URL). */
export function hostPage(href: string, title: string): HostPage | null {
  if (!/^https?:\/\//i.test(href) || href.length > MAX_URL) return null;
  // Control characters are refused by the server; a title is one line in the sidebar anyway.
  const clean = title.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  let cut = clean.slice(0, MAX_TITLE);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1); // never half a character
  return { url: href, title: cut === '' ? null : cut };
}

export class PageWatcher {
  private last: string | null = null;
  private lastAt = -Infinity;
  private pending = false;

  constructor(private readonly win: PageWindow, private readonly report: (page: HostPage) => void,
              private readonly now: () => number = () => Date.now(), private readonly throttleMs = THROTTLE_MS) {
  }

  /** Reports the page now and watches for changes; the history methods are wrapped, keeping what they do. */
  start(): void {
    const history = this.win.history;
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name];
      history[name] = (...args: unknown[]) => {
        const result = original.apply(history, args);
        this.changed();
        return result;
      };
    }
    this.win.addEventListener('popstate', () => this.changed());
    this.win.addEventListener('hashchange', () => this.changed());
    this.send();
  }

  /**
   * The page may have changed: sent once it has settled and the throttle has passed since the last
   * report. The page is read when sending, so what goes is the latest URL and title.
   */
  changed(): void {
    if (this.pending) return;
    this.pending = true;
    const wait = Math.max(SETTLE_MS, this.lastAt + this.throttleMs - this.now());
    this.win.setTimeout(() => { this.pending = false; this.send(); }, wait);
  }

  private send(): void {
    const page = hostPage(this.win.location.href, this.win.document.title);
    if (!page) return;
    const key = JSON.stringify(page);
    if (key === this.last) return;
    this.last = key;
    this.lastAt = this.now();
    this.report(page);
  }
}
