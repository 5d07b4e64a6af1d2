/** The console's lists as the tabs show them: counts, unread dots, paging, which tab opens first. */

export type ListView = 'queue' | 'mine' | 'open' | 'closed';

export interface Listed {
  id: string;
  unread: number;
}

/** A list and where its next page starts (null: it is all here). */
export interface Paged<T> {
  items: T[];
  next: string | null;
}

/**
 * A tab's badge: how many conversations it lists ("100+" while more pages are unread), and a dot
 * when any of them has unread messages — not the total of unread messages, which one long chat
 * inflates into thousands.
 */
export function badge(list: Paged<Listed>): { count: string; unreadDot: boolean } {
  return { count: `${list.items.length}${list.next ? '+' : ''}`, unreadDot: list.items.some((c) => c.unread > 0) };
}

/** A tab's accessible name: "Mine, 3 conversations, some unread". */
export function tabName(label: string, list: Paged<Listed>): string {
  const { count, unreadDot } = badge(list);
  const noun = count === '1' ? 'conversation' : 'conversations';
  return `${label}, ${count.replace('+', ' or more')} ${noun}${unreadDot ? ', some unread' : ''}`;
}

/** Where the console opens: Mine when the agent has any conversation, else the queue. */
export function firstTab(mine: Paged<Listed>): 'mine' | 'queue' {
  return mine.items.length > 0 ? 'mine' : 'queue';
}

/**
 * A following page appended to a list: a conversation already listed (it moved up while paging)
 * keeps its newer place and is not listed twice.
 */
export function appendPage<T extends { id: string }>(list: Paged<T>, page: { conversations: T[]; next?: string | null }): Paged<T> {
  const seen = new Set(list.items.map((c) => c.id));
  return { items: [...list.items, ...page.conversations.filter((c) => !seen.has(c.id))], next: page.next ?? null };
}
