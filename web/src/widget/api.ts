/**
 * The host page's API: `window.Parley(command, ...args)`, and the `data-` attributes of the script
 * tag that say the same at load. Calls made before the script has loaded wait in `Parley.q` (the
 * snippet in README defines that stub) and run in order once it has, as Intercom's `Intercom(…)`
 * queue does, so a page never has to wait for the widget.
 */

/** Who the visitor is and what the host page knows of them; every part optional. */
export interface VisitorProfile {
  name?: string;
  email?: string;
  /** Custom attributes (`plan: 'pro'`); canned replies read them as `{customer.plan}`. `null` removes one. */
  attributes?: Record<string, string | number | boolean | null>;
}

/** A signed-in user of the host site: `userHash` is hex HMAC-SHA256 of `userId` under the inbox's identity secret. */
export interface Identity extends VisitorProfile {
  userId: string;
  userHash: string;
}

/** What the widget does for the API; the API itself only checks and routes calls. */
export interface WidgetControl {
  identify(identity: Identity): void;
  update(profile: VisitorProfile): void;
  open(): void;
  close(): void;
  toggle(): void;
  /** Forgets the identified user and the session on this browser; the next visitor starts anew. */
  logout(): void;
}

export type UnreadListener = (count: number) => void;

type Warn = (message: string) => void;

/** Whether the value is a usable profile; a warning names what is wrong otherwise. */
export function checkProfile(value: unknown, warn: Warn, command: string): value is VisitorProfile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    warn(`Parley('${command}', …) takes an object.`);
    return false;
  }
  const profile = value as Record<string, unknown>;
  for (const field of ['name', 'email'] as const) {
    if (profile[field] !== undefined && typeof profile[field] !== 'string') {
      warn(`Parley('${command}', …): ${field} must be a string.`);
      return false;
    }
  }
  const attributes = profile.attributes;
  if (attributes !== undefined) {
    if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
      warn(`Parley('${command}', …): attributes must be an object of names to values.`);
      return false;
    }
    for (const [key, v] of Object.entries(attributes)) {
      if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) {
        warn(`Parley('${command}', …): attribute ${key} must be text, a number, a boolean or null.`);
        return false;
      }
    }
  }
  return true;
}

function checkIdentity(value: unknown, warn: Warn): value is Identity {
  if (!checkProfile(value, warn, 'identify')) {
    return false;
  }
  const identity = value as Partial<Identity>;
  if (typeof identity.userId !== 'string' || identity.userId === '' || typeof identity.userHash !== 'string' || identity.userHash === '') {
    warn("Parley('identify', …) needs userId and userHash (hex HMAC-SHA256 of userId, computed on your server).");
    return false;
  }
  return true;
}

/**
 * The commands, routed to the widget. The unread count is kept here so a listener added late hears
 * the current count at once, and listeners hear each change once.
 */
export class ParleyApi {
  private readonly listeners: UnreadListener[] = [];
  private unread = 0;

  constructor(private readonly widget: WidgetControl, private readonly warn: Warn = (m) => console.warn(m)) {
  }

  /** Runs one call as `Parley(command, ...args)` received it. */
  call(command: unknown, ...args: unknown[]): void {
    switch (command) {
      case 'identify':
        if (checkIdentity(args[0], this.warn)) this.widget.identify(args[0]);
        return;
      case 'update':
        if (checkProfile(args[0], this.warn, 'update')) this.widget.update(args[0]);
        return;
      case 'open':
        this.widget.open();
        return;
      case 'close':
        this.widget.close();
        return;
      case 'toggle':
        this.widget.toggle();
        return;
      case 'logout':
        this.widget.logout();
        this.unreadCount(0);
        return;
      case 'onUnreadCount':
        if (typeof args[0] !== 'function') {
          this.warn("Parley('onUnreadCount', callback) takes a function.");
          return;
        }
        this.listeners.push(args[0] as UnreadListener);
        this.tell(args[0] as UnreadListener);
        return;
      default:
        this.warn(`Parley: unknown command ${JSON.stringify(command)}; see the README's "Embedding the widget".`);
    }
  }

  /** The widget's unread count; listeners hear it when it changes. */
  unreadCount(count: number): void {
    if (count === this.unread) return;
    this.unread = count;
    this.listeners.forEach((listener) => this.tell(listener));
  }

  /** One listener's failure must not keep the others, or the widget, from working. */
  private tell(listener: UnreadListener): void {
    try {
      listener(this.unread);
    } catch (e) {
      this.warn(`Parley: an onUnreadCount callback threw: ${(e as Error).message}`);
    }
  }
}

/** `window.Parley` as the host page sees it: callable, with the calls queued before load in `q`. */
export interface ParleyGlobal {
  (command: string, ...args: unknown[]): void;
  q?: ArrayLike<unknown>[];
}

/**
 * Installs the real `Parley` function in place of the stub and runs what the stub queued, in the
 * order the page called it.
 */
export function install(target: { Parley?: ParleyGlobal }, api: ParleyApi): void {
  const queued = target.Parley?.q ?? [];
  const parley: ParleyGlobal = (command: string, ...args: unknown[]) => api.call(command, ...args);
  target.Parley = parley;
  for (const args of Array.from(queued)) {
    const [command, ...rest] = Array.from(args);
    api.call(command, ...rest);
  }
}

/** What the script tag's `data-` attributes say of the visitor; an identity only with both id and hash. */
export function fromDataset(dataset: Record<string, string | undefined>, warn: Warn = (m) => console.warn(m)):
    { identity: Identity | null; profile: VisitorProfile } {
  const profile: VisitorProfile = {};
  if (dataset.name) profile.name = dataset.name;
  if (dataset.email) profile.email = dataset.email;
  if (dataset.attributes) {
    try {
      const attributes = JSON.parse(dataset.attributes);
      if (checkProfile({ attributes }, warn, 'data-attributes')) profile.attributes = attributes;
    } catch {
      warn('Parley: data-attributes must be a JSON object, e.g. data-attributes=\'{"plan":"pro"}\'.');
    }
  }
  const { userId, userHash } = dataset;
  if (userId && userHash) {
    return { identity: { userId, userHash, ...profile }, profile: {} };
  }
  if (userId || userHash) {
    warn('Parley: data-user-id and data-user-hash go together; the visitor stays anonymous.');
  }
  return { identity: null, profile };
}
