/**
 * Builds elements. Strings become text nodes (textContent), never markup: everything a user
 * typed is shown as text, whatever it contains.
 */
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | number | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) {
      continue;
    }
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child == null || child === false) {
      continue;
    }
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function replaceChildren(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) {
    parent.removeChild(parent.firstChild);
  }
  append(parent, children);
}

/**
 * Rebuilds `parent`'s children like {@link replaceChildren}, and when the focus was on one of them,
 * puts it back on the new element with the same `key` attribute: a rebuilt tab strip or list would
 * otherwise drop a keyboard user's focus to the page's start.
 */
export function replaceKeepingFocus(parent: HTMLElement, key: string, ...children: Child[]): void {
  const focused = (parent.getRootNode() as Document | ShadowRoot).activeElement;
  const value = focused && parent.contains(focused) ? focused.getAttribute(key) : null;
  replaceChildren(parent, ...children);
  if (value !== null) {
    (parent.querySelector(`[${key}="${CSS.escape(value)}"]`) as HTMLElement | null)?.focus();
  }
}

export function time(iso: string | null | undefined): string {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** "3 min", "45 s", "2 h 5 min": a waiting time for people. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) {
    return `${s} s`;
  }
  const minutes = Math.floor(s / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export const REACTIONS = ['👍', '❤️', '😂', '😮', '🙏'];

export function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** A stroked 24×24 icon from SVG path data (emoji glyphs are missing on some systems). */
export function icon(path: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const shape = document.createElementNS(ns, 'path');
  shape.setAttribute('d', path);
  svg.appendChild(shape);
  return svg;
}

export const CHAT_ICON = 'M21 11.5a8.4 8.4 0 0 1-9 8.4 8.5 8.5 0 0 1-3.8-.9L3 21l1.9-5.2A8.4 8.4 0 0 1 12 3a8.4 8.4 0 0 1 9 8.5z';
export const CLIP_ICON = 'M21.4 11.1l-9.2 9.2a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5';
