import type { Envelope, HistoryPage, Message } from './protocol';

/** A message as the UIs show it: the stored message plus its reactions and send state. */
export interface Entry extends Message {
  /** emoji → ids of the users who reacted with it */
  reactions: Map<string, Set<string>>;
  /** true while a message the user sent has not been acknowledged */
  pending?: boolean;
}

export interface ReadMark {
  lastDeliveredSeq: number;
  lastReadSeq: number;
}

/**
 * One conversation's state on the client, built from history pages and events. Applying events
 * to a stale copy gives the same state as loading it afresh: messages are keyed by id, so an
 * event seen twice changes nothing.
 */
export class Timeline {
  readonly entries = new Map<string, Entry>();
  readonly reads = new Map<string, ReadMark>();
  status = '';
  ownerId: string | null = null;
  /** whether older history exists before the first entry */
  more = false;

  load(page: HistoryPage): void {
    for (const message of page.messages) {
      this.entries.set(message.id, { ...message, reactions: new Map() });
    }
    for (const reaction of page.reactions) {
      const entry = this.entries.get(reaction.messageId);
      if (entry) {
        entry.reactions.set(reaction.emoji, new Set(reaction.userIds));
      }
    }
  }

  /** Shows a message before the server has it; replaced when its event or ack arrives. */
  addPending(message: Message): void {
    this.entries.set(`pending:${message.clientMsgId}`, { ...message, reactions: new Map(), pending: true });
  }

  confirm(message: Message): void {
    if (message.clientMsgId) {
      this.entries.delete(`pending:${message.clientMsgId}`);
    }
    const known = this.entries.get(message.id);
    this.entries.set(message.id, { ...message, reactions: known?.reactions ?? new Map() });
  }

  /** Applies an event; answers whether anything the UI shows changed. */
  apply(event: Envelope): boolean {
    const data = event.data ?? {};
    switch (event.type) {
      case 'message.created':
        this.confirm({ ...data, id: data.messageId, conversationId: event.conversationId, seq: event.seq });
        return true;
      case 'message.edited':
        return this.change(data.messageId, (entry) => {
          entry.body = data.body;
          entry.editedAt = data.editedAt;
        });
      case 'message.deleted':
        return this.change(data.messageId, (entry) => {
          entry.body = null;
          entry.deletedAt = data.deletedAt;
        });
      case 'reaction.added':
      case 'reaction.removed':
        return this.change(data.messageId, (entry) => {
          const users = entry.reactions.get(data.emoji) ?? new Set<string>();
          if (event.type === 'reaction.added') {
            users.add(data.userId);
          } else {
            users.delete(data.userId);
          }
          if (users.size) {
            entry.reactions.set(data.emoji, users);
          } else {
            entry.reactions.delete(data.emoji);
          }
        });
      case 'read.updated':
        this.reads.set(data.userId, { lastDeliveredSeq: data.lastDeliveredSeq, lastReadSeq: data.lastReadSeq });
        return true;
      case 'conversation.status_changed':
        this.status = data.to;
        return true;
      case 'conversation.assigned':
        this.ownerId = data.agentId;
        return true;
      default:
        return false;
    }
  }

  /** Entries in seq order, pending ones last in the order they were sent. */
  ordered(): Entry[] {
    return [...this.entries.values()].sort((a, b) => (a.pending ? 1 : 0) - (b.pending ? 1 : 0) || a.seq - b.seq);
  }

  firstSeq(): number | undefined {
    const seqs = [...this.entries.values()].filter((e) => !e.pending).map((e) => e.seq);
    return seqs.length ? Math.min(...seqs) : undefined;
  }

  lastSeq(): number {
    return Math.max(0, ...[...this.entries.values()].filter((e) => !e.pending).map((e) => e.seq));
  }

  /** Whether some user other than `me` has read through `seq`. */
  seenByOthers(me: string, seq: number): boolean {
    for (const [user, mark] of this.reads) {
      if (user !== me && mark.lastReadSeq >= seq) {
        return true;
      }
    }
    return false;
  }

  private change(messageId: string, edit: (entry: Entry) => void): boolean {
    const entry = this.entries.get(messageId);
    if (!entry) {
      return false;
    }
    edit(entry);
    return true;
  }
}
