import { h, replaceChildren, REACTIONS, time } from './dom';
import type { Entry, Timeline } from './timeline';

export interface MessageActions {
  react(messageId: string, emoji: string, add: boolean): void;
  edit(messageId: string, body: string): void;
  remove(messageId: string): void;
  loadEarlier?(): void;
}

export interface MessageListOptions {
  me: () => string;
  /** who wrote it, as this reader should see it ("Agent", "Ada", "Customer") */
  author: (entry: Entry) => string;
  actions: MessageActions;
  /** extra content under a message's text (attachments) */
  decorate?: (entry: Entry) => Node | null;
  /** What the last of one's own sent messages says in place of "Seen" ("Delivered", "Seen by Alice at 10:42") */
  receipt?: (entry: Entry, timeline: Timeline) => string | null;
  /** Who reacted, by name, for a reaction's label (else only the count is said) */
  reactors?: (userIds: string[]) => string;
}

/**
 * The message log both UIs share: a `role="log"` region (which announces what is added, as
 * aria-live polite) around a list rebuilt from a Timeline, with reactions,
 * edit and delete of one's own messages, "Seen" under one's last read message, and focus kept
 * on the control a keyboard user was on across rebuilds. Every body is set as text.
 */
export class MessageList {
  /** The log scrolls; a list inside it keeps its list semantics (a role on the `ol` itself would drop them). */
  private readonly items = h('ol', { class: 'log-items' });
  readonly element = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Messages', tabindex: '0' }, this.items);
  private editing: string | null = null;
  private picking: string | null = null;
  private timeline: Timeline | null = null;
  /**
   * Whether new messages should scroll into view: true until the reader scrolls up. Kept from
   * scroll events rather than measured at render, because a log just re-attached to the page
   * reads as scrolled to the top.
   */
  private following = true;
  /** The receipt shown under one message (the last of one's own), when the reader asks for receipts. */
  private receiptText: { id: string; text: string | null } | null = null;

  constructor(private readonly options: MessageListOptions) {
    this.element.addEventListener('scroll', () => {
      const log = this.element;
      this.following = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    });
  }

  render(timeline: Timeline): void {
    this.timeline = timeline;
    const log = this.element;
    const following = this.following;
    const focused = (log.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
    const focusKey = focused && log.contains(focused) ? focused.dataset.focus : undefined;
    const entries = timeline.ordered();
    const me = this.options.me();
    const receipt = this.options.receipt;
    const lastMine = receipt ? [...entries].reverse().find((e) => e.senderId === me && !e.pending && e.kind !== 'NOTE') : undefined;
    const lastSeenMine = receipt ? undefined
      : [...entries].reverse().find((e) => e.senderId === me && !e.pending && timeline.seenByOthers(me, e.seq));
    this.receiptText = lastMine && receipt ? { id: lastMine.id, text: receipt(lastMine, timeline) } : null;
    replaceChildren(this.items,
      timeline.more && this.options.actions.loadEarlier
        ? h('li', { class: 'more-row' }, h('button', { class: 'more', type: 'button', 'data-focus': 'more', onclick: () => this.options.actions.loadEarlier!() }, 'Load earlier messages'))
        : null,
      ...entries.map((entry) => this.item(entry, me, entry === lastSeenMine)));
    if (focusKey) {
      (log.querySelector(`[data-focus="${CSS.escape(focusKey)}"]`) as HTMLElement | null)?.focus();
    }
    if (following) {
      log.scrollTop = log.scrollHeight;
      this.following = true;
    }
  }

  private rerender(): void {
    if (this.timeline) {
      this.render(this.timeline);
    }
  }

  private item(entry: Entry, me: string, seen: boolean): HTMLLIElement {
    const mine = entry.senderId === me && entry.senderKind !== 'SYSTEM';
    const classes = ['msg', entry.kind.toLowerCase(), mine ? 'mine' : 'theirs'];
    if (entry.deletedAt) classes.push('deleted');
    if (entry.pending) classes.push('pending');
    const li = h('li', { class: classes.join(' '), 'data-seq': entry.pending ? null : entry.seq, 'data-id': entry.id });
    if (entry.kind === 'SYSTEM') {
      li.append(h('div', { class: 'bubble' }, entry.body ?? ''));
      return li;
    }
    const author = mine ? 'You' : this.options.author(entry);
    li.append(h('span', { class: 'sr' }, `${author}:`));
    if (entry.kind === 'NOTE') {
      li.append(h('div', { class: 'note-label' }, 'Private note — customers never see this'));
    }
    if (this.editing === entry.id) {
      li.append(this.editor(entry));
    } else if (entry.deletedAt || entry.body || !entry.attachments?.length) {
      // A message of files only has no text to put in a bubble.
      li.append(h('div', { class: 'bubble' }, entry.deletedAt ? 'Message deleted' : entry.body ?? ''));
    }
    const extra = this.options.decorate?.(entry);
    if (extra) li.append(extra);
    if (entry.reactions.size) {
      li.append(h('div', { class: 'reactions' }, ...[...entry.reactions].map(([emoji, users]) => h('button', {
        class: 'chip', type: 'button', 'data-focus': `chip:${entry.id}:${emoji}`, 'aria-pressed': String(users.has(me)),
        title: this.options.reactors ? this.options.reactors([...users]) : null,
        'aria-label': `${emoji} ${users.size}${this.options.reactors ? ` (${this.options.reactors([...users])})` : ''}, ${users.has(me) ? 'remove your reaction' : 'react'}`,
        onclick: () => this.options.actions.react(entry.id, emoji, !users.has(me)),
      }, `${emoji} ${users.size}`))));
    }
    li.append(this.meta(entry, mine, author, seen));
    if (this.picking === entry.id) {
      li.append(h('div', { class: 'picker', role: 'group', 'aria-label': 'Pick a reaction' }, ...REACTIONS.map((emoji) => h('button', {
        type: 'button', 'aria-label': `React ${emoji}`, 'data-focus': `pick:${entry.id}:${emoji}`,
        onclick: () => {
          this.picking = null;
          this.options.actions.react(entry.id, emoji, !(entry.reactions.get(emoji)?.has(me) ?? false));
          this.rerender();
        },
      }, emoji))));
    }
    return li;
  }

  private meta(entry: Entry, mine: boolean, author: string, seen: boolean): HTMLElement {
    const live = !entry.pending && !entry.deletedAt;
    return h('div', { class: 'meta' },
      mine ? null : h('span', { class: 'author' }, author),
      h('span', {}, entry.pending ? 'Sending…' : time(entry.createdAt)),
      entry.editedAt && !entry.deletedAt ? h('span', { class: 'edited' }, 'edited') : null,
      seen ? h('span', { class: 'seen' }, 'Seen') : null,
      this.receiptText?.id === entry.id && this.receiptText.text ? h('span', { class: 'seen receipt' }, this.receiptText.text) : null,
      live ? h('button', { type: 'button', 'data-focus': `react:${entry.id}`, 'aria-expanded': String(this.picking === entry.id),
        onclick: () => { this.picking = this.picking === entry.id ? null : entry.id; this.rerender(); } }, 'React') : null,
      live && mine ? h('button', { type: 'button', 'data-focus': `edit:${entry.id}`,
        onclick: () => { this.editing = entry.id; this.rerender(); } }, 'Edit') : null,
      live && mine ? h('button', { type: 'button', 'data-focus': `delete:${entry.id}`,
        onclick: () => this.options.actions.remove(entry.id) }, 'Delete') : null);
  }

  private editor(entry: Entry): HTMLElement {
    const input = h('input', { type: 'text', 'aria-label': 'Edit message', 'data-focus': `editing:${entry.id}` });
    input.value = entry.body ?? '';
    const save = () => {
      const body = input.value.trim();
      this.editing = null;
      if (body && body !== entry.body) {
        this.options.actions.edit(entry.id, body);
      }
      this.rerender();
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); save(); }
      if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); this.editing = null; this.rerender(); }
    });
    queueMicrotask(() => input.focus());
    return h('div', { class: 'edit' }, input, h('button', { type: 'button', class: 'send', onclick: save }, 'Save'));
  }
}
